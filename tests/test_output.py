"""Atomic publishing: a deal's folder is replaced whole, staging is swept."""

from pipeline.output import STAGING, publish, sweep_staging


def test_publish_creates_the_folder_with_every_file(tmp_path):
    folder = publish(tmp_path, "deal", {"a.txt": b"one", "b.txt": "二".encode()})
    assert folder == tmp_path / "deal"
    assert (folder / "a.txt").read_bytes() == b"one"
    assert (folder / "b.txt").read_text(encoding="utf-8") == "二"


def test_publish_replaces_the_old_folder_whole(tmp_path):
    publish(tmp_path, "deal", {"old.txt": b"old", "same.txt": b"1"})
    publish(tmp_path, "deal", {"same.txt": b"2"})
    assert sorted(p.name for p in (tmp_path / "deal").iterdir()) == ["same.txt"]
    assert (tmp_path / "deal" / "same.txt").read_bytes() == b"2"


def test_publish_leaves_no_staging_behind(tmp_path):
    publish(tmp_path, "deal", {"a": b"1"})
    publish(tmp_path, "deal", {"a": b"2"})
    assert list((tmp_path / STAGING).iterdir()) == []


def test_sweep_removes_what_a_killed_build_left(tmp_path):
    leftover = tmp_path / STAGING / "deal.abc"
    leftover.mkdir(parents=True)
    (leftover / "training-deck.pptx").write_bytes(b"PK\x03\x04 half")
    sweep_staging(tmp_path)
    assert not (tmp_path / STAGING).exists()


def test_publish_without_exchange_falls_back_to_renames(tmp_path, monkeypatch):
    import pipeline.output as output

    monkeypatch.setattr(output, "_exchange", lambda a, b: False)
    publish(tmp_path, "deal", {"a": b"1"})
    publish(tmp_path, "deal", {"a": b"2"})
    assert (tmp_path / "deal" / "a").read_bytes() == b"2"
    assert sorted(p.name for p in tmp_path.iterdir()) == [STAGING, "deal"]
