"""Hostile templates and playbooks: each refusal is a clean user error naming the template, and one
that would run forever or take all memory costs at most its limit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import build_all

from pipeline.build import Options
from tests.conftest import EXAMPLES, ROOT
from tests.render.brief.test_brief_template import user_template

XYZ = ROOT / "inputs" / "xyz-atm-network.yaml"
ENDLESS = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"  # 10^10 turns

REFUSED = {
    "power": ("{{ 9 ** 999999999 }}", "9 ** 999999999 is too large a number for a document"),
    "repeat": ("{{ 'x' * 3000000000 }}", "repeating 1 items 3000000000 times is too large for a document"),
    "range": ("{% for i in range(10**9) %}{% endfor %}", "range of 1000000000 numbers; a template may use at most 100000"),
    "wide text": ("{{ 'x' | center(3000000000) }}", "a text of more than 1000000 characters is too large for a document"),
    "wide format": ("{{ '{:>3000000000}'.format('x') }}",
                    "a text of more than 1000000 characters is too large for a document"),
    "include": ("{% include 'other.docx' %}", "'other.docx': a template cannot include, import or extend other files; "
                                              "put everything in the one template"),
    "recursion": ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
                  "a macro calls itself too deeply (recursion without end?); a template needs no recursion"),
}


def _failures(summary) -> list[str]:
    return [line for outcome in summary.outcomes for line in outcome.errors]


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED)
def test_a_brief_template_s_refusal_is_a_user_error_naming_it(tmp_path, case):
    source, message = REFUSED[case]
    template = user_template(tmp_path, source)
    summary = build_all([str(p) for p in EXAMPLES[:2]], Options(out_dir=tmp_path / "out", brief_template=template), jobs=1)
    assert summary.count("failed") == 2
    for outcome in summary.outcomes:
        assert outcome.errors == (f"{outcome.path}: brief template {template.resolve()}: {message}",)


@pytest.mark.parametrize("case", REFUSED, ids=REFUSED)
def test_a_playbook_s_refusal_is_a_user_error_naming_the_rule(tmp_path, case):
    source, message = REFUSED[case]
    playbook = _playbook(tmp_path, source)
    summary = build_all([str(XYZ)], Options(out_dir=tmp_path / "out", playbook=playbook), jobs=1)
    (line,) = _failures(summary)
    assert line.startswith(f"{XYZ}: playbook rule 'always': {message}")


def _playbook(tmp_path: Path, title: str) -> Path:
    path = tmp_path / "playbook.json"
    path.write_text(json.dumps({"rules": [{
        "id": "always", "when": {},
        "title": {"zh": title, "en": title},
        "recommendation": {"zh": "由我方高层拜访。", "en": "Our senior visits."},
        "reason": {"zh": "本规则总会触发。", "en": "This rule always fires."},
    }]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_brief_template_that_never_ends_stops_at_the_time_limit_and_names_itself(tmp_path):
    template = user_template(tmp_path, ENDLESS)
    options = Options(out_dir=tmp_path / "out", brief_template=template, time_limit=0.5)
    summary = build_all([str(XYZ)], options, jobs=1)
    assert _failures(summary) == [f"{XYZ}: stopped after 0.5 s, the time limit for one deal; "
                                  f"the brief template {template} may loop without end"]
    assert not (tmp_path / "out" / "xyz-atm-network").exists()


def test_a_playbook_that_never_ends_stops_at_the_time_limit_and_the_next_build_is_fine(tmp_path):
    playbook = _playbook(tmp_path, ENDLESS)
    out = tmp_path / "out"
    summary = build_all([str(XYZ)], Options(out_dir=out, playbook=playbook, time_limit=0.5), jobs=1)
    assert _failures(summary) == [f"{XYZ}: stopped after 0.5 s, the time limit for one deal; "
                                  f"the playbook {playbook} may loop without end"]
    assert build_all([str(XYZ)], Options(out_dir=out)).count("built") == 1


def test_a_template_that_would_take_all_memory_fails_in_its_worker_and_the_batch_ends(tmp_path):
    # each step within the sandbox's checks; together, a gigabyte of text
    template = user_template(tmp_path, "{% set a = 'x' * 1000000 %}{% set b = [a] * 1000 %}{{ b | join }}")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", *map(str, EXAMPLES), "--out", str(tmp_path / "out"), "-j", "2",
         "--brief-template", str(template)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for deal in EXAMPLES:
        assert (f"{deal}: brief template {template.resolve()}: it makes more than a document can hold and ran out "
                "of memory") in result.stderr.splitlines()


def test_the_shipped_templates_live_within_the_limits(tmp_path):
    summary = build_all([str(p) for p in EXAMPLES], Options(out_dir=tmp_path / "out"), jobs=1)
    assert summary.ok and summary.count("built") == len(EXAMPLES)


# --- the limits where the deal runs in the caller's own process, or in a thread --------------
# Only the English example meets the hostile part (`language` is a template variable), so the
# other deals of the batch must still build.
ENGLISH = ROOT / "inputs" / "northbank-branch-network.yaml"
MEMORY_EATER = ("{% if language == 'en' %}{{ (['x' * 1000000] * 3000) | join }}{% endif %}"
                )  # each step within the sandbox's checks; together, three gigabytes of text
OUT_OF_MEMORY = "it makes more than a document can hold and ran out of memory"


def test_at_j1_a_template_that_would_take_all_memory_fails_alone_and_the_batch_ends(tmp_path):
    template = user_template(tmp_path, MEMORY_EATER)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", *map(str, EXAMPLES), "--out", str(out), "-j", "1",
         "--brief-template", str(template)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert f"{ENGLISH}: brief template {template.resolve()}: {OUT_OF_MEMORY}" in result.stderr.splitlines()
    built = sorted(p.name for p in out.iterdir() if (p / "training-deck.pptx").is_file())
    assert built == sorted(p.stem for p in EXAMPLES if p != ENGLISH)
    assert not (out / ENGLISH.stem).exists()


def test_in_the_caller_s_process_memory_is_capped_for_the_deal_only(tmp_path):
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    template = user_template(tmp_path, MEMORY_EATER)
    summary = build_all([str(ENGLISH), str(XYZ)], Options(out_dir=tmp_path / "out", brief_template=template), jobs=1)
    assert _failures(summary) == [f"{ENGLISH}: brief template {template.resolve()}: {OUT_OF_MEMORY}"]
    assert summary.count("built") == 1
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # the caller is not capped afterwards


def test_check_caps_a_playbook_that_would_take_all_memory(tmp_path):
    import resource

    from pipeline.build import check_deal

    before = resource.getrlimit(resource.RLIMIT_AS)
    playbook = _playbook(tmp_path, "{% set a = 'x' * 1000000 %}{% set b = [a] * 3000 %}{{ b | join }}")
    outcome = check_deal(str(XYZ), playbook=playbook)
    assert outcome.errors == (f"{XYZ}: playbook rule 'always': {OUT_OF_MEMORY}",)
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_on_threads_a_template_that_never_ends_stops_at_the_time_limit_and_the_pool_goes_on(tmp_path):
    # the looping deal alone: a deal building beside it would share its 0.5 s limit and the slow
    # machine's cores; that a stopped deal leaves its thread clean is the test below
    template = user_template(tmp_path, ENDLESS)
    out = tmp_path / "out"
    summary = build_all([str(XYZ)], Options(out_dir=out, brief_template=template, time_limit=0.5), jobs=2,
                        kind="thread")
    assert _failures(summary) == [f"{XYZ}: stopped after 0.5 s, the time limit for one deal; "
                                  f"the brief template {template} may loop without end"]
    assert not (out / "xyz-atm-network").exists()
    assert build_all([str(XYZ)], Options(out_dir=out), jobs=1, kind="thread").count("built") == 1


class _HeldTimer:
    """threading.Timer, fired by the test instead of the clock: when it fires is the test's choice."""

    made: list["_HeldTimer"] = []

    def __init__(self, seconds, function):
        self.function, self.cancelled = function, False
        _HeldTimer.made.append(self)

    def start(self):
        pass

    def cancel(self):
        self.cancelled = True


def _in_a_thread(work):
    """Run `work` in a new thread; what it returned or raised."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(work).exception() or "finished"


def test_in_a_thread_the_deadline_stops_a_loop_and_never_outlives_its_block(monkeypatch):
    from pipeline.safety import TimeLimitExceeded, time_limit

    monkeypatch.setattr("pipeline.safety.threading.Timer", _HeldTimer)
    _HeldTimer.made.clear()

    def loops_until_stopped():
        with time_limit(5, "stopped: the limit"):
            _HeldTimer.made[-1].function()  # the time is up while the block runs
            while True:
                pass

    error = _in_a_thread(loops_until_stopped)
    assert isinstance(error, TimeLimitExceeded) and str(error) == "stopped: the limit"

    def fires_too_late():
        with time_limit(5, "stopped: the limit"):
            pass
        _HeldTimer.made[-1].function()  # the timer fires after the block ended: nothing may happen
        total = 0
        for n in range(100_000):
            total += n
        return total

    assert _in_a_thread(fires_too_late) == "finished"
    assert _HeldTimer.made[-1].cancelled


def _swallows_errors(fire):
    """Code that turns any error into another (as a loader saying "not a Word document" does)."""
    try:
        fire()
        for _ in range(10**9):
            pass
    except Exception:  # noqa: BLE001 - what the limit must pass through
        return "swallowed"
    return "ran to the end"


def test_the_time_limit_passes_through_code_that_catches_every_error(monkeypatch):
    import signal

    from pipeline.safety import TimeLimitExceeded, time_limit

    with pytest.raises(TimeLimitExceeded, match="^stopped$"):  # the main thread: the signal
        with time_limit(60, "stopped"):
            _swallows_errors(lambda: signal.raise_signal(signal.SIGALRM))

    monkeypatch.setattr("pipeline.safety.threading.Timer", _HeldTimer)

    def in_a_thread():
        with time_limit(60, "stopped"):
            return _swallows_errors(lambda: _HeldTimer.made[-1].function())

    error = _in_a_thread(in_a_thread)
    assert isinstance(error, TimeLimitExceeded) and str(error) == "stopped"
