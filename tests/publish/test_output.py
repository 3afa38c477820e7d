"""Atomic publishing: a deal's folder is replaced whole, only when it is ours; staging is per build."""

import fcntl
import json
import os

import pytest

from pipeline.errors import OutputBusy, OutputError
from pipeline.publish import stamps
from pipeline.publish.output import (
    LOCK,
    OWNER,
    STAGING,
    publish,
    session,
    sweep_staging,
)


def _stamp(deal_id):
    return lambda written: stamps.encode("input", "env", deal_id, "", written)


def _publish(out, deal_id, files):
    return publish(out, deal_id, files, _stamp(deal_id))


def test_publish_creates_the_folder_with_every_file_and_a_stamp_listing_them(tmp_path):
    folder = _publish(tmp_path, "deal", {"a.txt": b"one", "b.txt": "二".encode()})
    assert folder == tmp_path / "deal"
    assert (folder / "a.txt").read_bytes() == b"one"
    assert (folder / "b.txt").read_text(encoding="utf-8") == "二"
    record = json.loads((folder / stamps.STAMP).read_text())
    assert record["deal_id"] == "deal"
    assert record["documents"]["a.txt"][0] == 3
    assert record["documents"]["b.txt"][2] == stamps.digest("二".encode())
    assert stamps.documents_intact(folder, record)


def test_publish_replaces_the_old_folder_whole(tmp_path):
    _publish(tmp_path, "deal", {"old.txt": b"old", "same.txt": b"1"})
    _publish(tmp_path, "deal", {"same.txt": b"2"})
    assert sorted(p.name for p in (tmp_path / "deal").iterdir()) == [stamps.STAMP, "same.txt"]
    assert (tmp_path / "deal" / "same.txt").read_bytes() == b"2"


def test_publish_leaves_no_staging_behind(tmp_path):
    _publish(tmp_path, "deal", {"a": b"1"})
    _publish(tmp_path, "deal", {"a": b"2"})
    assert list((tmp_path / STAGING).iterdir()) == []


def test_a_folder_we_did_not_make_is_left_alone(tmp_path):
    mine = tmp_path / "Documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("four years of work")
    with pytest.raises(OutputError, match=r"Documents/ was not made by dealdocs \(it has no build stamp\)"):
        _publish(tmp_path, "Documents", {"a": b"1"})
    assert [p.name for p in mine.iterdir()] == ["thesis.txt"]
    assert (mine / "thesis.txt").read_text() == "four years of work"


def test_a_folder_whose_stamp_names_another_deal_is_not_ours(tmp_path):
    _publish(tmp_path, "one", {"a": b"1"})
    os.rename(tmp_path / "one", tmp_path / "two")
    with pytest.raises(OutputError, match="not made by dealdocs"):
        _publish(tmp_path, "two", {"a": b"2"})
    assert (tmp_path / "two" / "a").read_bytes() == b"1"


def test_a_plain_file_with_the_deal_s_name_is_left_alone(tmp_path):
    (tmp_path / "deal").write_text("my notes")
    with pytest.raises(OutputError, match="deal is a file we did not make"):
        _publish(tmp_path, "deal", {"a": b"1"})
    assert (tmp_path / "deal").read_text() == "my notes"


def test_a_symbolic_link_with_the_deal_s_name_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "deal").symlink_to(outside)
    with pytest.raises(OutputError, match="symbolic link we did not make"):
        _publish(out, "deal", {"a": b"1"})
    assert list(outside.iterdir()) == []
    assert (out / "deal").is_symlink()


def test_a_planted_staging_link_is_refused_and_nothing_is_written_through_it(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / STAGING).symlink_to(outside)
    with pytest.raises(OutputError, match="is not a folder dealdocs made"):
        _publish(out, "deal", {"a": b"1"})
    with pytest.raises(OutputError, match="is not a folder dealdocs made"):
        with session(out):
            pass
    assert list(outside.iterdir()) == []
    assert not (out / "deal").exists()


def test_a_planted_lock_link_is_refused(tmp_path):
    target = tmp_path / "target"
    target.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK).symlink_to(target)
    with pytest.raises(OutputError, match="symbolic link"):
        with session(out):
            pass
    assert target.read_text() == "keep"


def test_the_index_is_never_written_through_a_planted_link(tmp_path):
    target = tmp_path / "target"
    target.write_text("keep")
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{stamps.INDEX}.tmp").symlink_to(target)
    stamps.Ledger.read(out).save([])
    assert target.read_text() == "keep"
    assert json.loads((out / stamps.INDEX).read_text()) == {}


def test_sweep_removes_what_a_killed_build_left_and_keeps_a_live_build_s(tmp_path):
    dead = tmp_path / STAGING / "123-dead"
    dead.mkdir(parents=True)
    (dead / OWNER).write_bytes(b"")
    (dead / "deal.abc").mkdir()
    (dead / "deal.abc" / "training-deck.pptx").write_bytes(b"PK\x03\x04 half")
    old_layout = tmp_path / STAGING / "deal.xyz"
    old_layout.mkdir()
    live = tmp_path / STAGING / "456-live"
    live.mkdir()
    (live / OWNER).write_bytes(b"")
    holder = os.open(live / OWNER, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as a running build holds it
    try:
        sweep_staging(tmp_path)
        assert sorted(p.name for p in (tmp_path / STAGING).iterdir()) == ["456-live"]
    finally:
        os.close(holder)
    sweep_staging(tmp_path)
    assert not (tmp_path / STAGING).exists()


def test_a_session_has_its_own_staging_and_removes_it(tmp_path):
    with session(tmp_path) as staging:
        assert staging.parent == tmp_path / STAGING
        assert (staging / OWNER).is_file()
        sweep_staging(tmp_path)  # another build's sweep: this one is live
        assert staging.is_dir()
        publish(tmp_path, "deal", {"a": b"1"}, _stamp("deal"), staging)
        assert list(staging.iterdir()) == [staging / OWNER]
    assert not (tmp_path / STAGING).exists()
    assert (tmp_path / "deal" / "a").read_bytes() == b"1"


def test_a_second_session_on_one_folder_fails_at_once_without_waiting(tmp_path):
    with session(tmp_path):
        with pytest.raises(OutputBusy, match=rf"another build \(process {os.getpid()}\) is writing into {tmp_path}/"):
            with session(tmp_path, wait=False):
                pass
    with session(tmp_path, wait=False):
        pass


def test_an_output_folder_that_is_a_file_is_one_clean_error(tmp_path):
    (tmp_path / "out").write_text("")
    with pytest.raises(OutputError, match=r"cannot write .*/out: it is a file, not a folder; --out must be a folder"):
        with session(tmp_path / "out"):
            pass


def test_a_full_disk_is_one_line_and_leaves_no_staging(tmp_path, monkeypatch):
    import errno

    import pipeline.publish.output as output

    _publish(tmp_path, "deal", {"a": b"1"})

    def full(path, payload):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(output, "_write_synced", full)
    with pytest.raises(OutputError) as raised:
        _publish(tmp_path, "deal", {"a": b"2"})
    assert str(raised.value).startswith(f"cannot write {tmp_path / STAGING}/deal.")
    assert str(raised.value).endswith(": No space left on device; free some space, or build into another --out")
    assert list((tmp_path / STAGING).iterdir()) == []
    assert (tmp_path / "deal" / "a").read_bytes() == b"1"


def test_publish_without_exchange_falls_back_to_renames(tmp_path, monkeypatch):
    import pipeline.publish.output as output

    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    _publish(tmp_path, "deal", {"a": b"1"})
    _publish(tmp_path, "deal", {"a": b"2"})
    assert (tmp_path / "deal" / "a").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == [STAGING, "deal"]
