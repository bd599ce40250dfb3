"""The Lighthouse gate's verdict policy: calibration, reruns, best run per category, as tables.

Lighthouse itself runs in tests/browser/test_sitecheck_browser.py; here a page's runs are
given as the scores Lighthouse reported, in order, so that every sequence a loaded machine
can produce is tried.
"""

import pytest

from sitecheck import lighthouse
from sitecheck.common import Context
from sitecheck.lighthouse import DEFAULT_RUNS

RUNS = lighthouse.RUNS_VARIABLE
PERFECT = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def report(benchmark: float = 1500, **scores: int) -> dict:
    """A Lighthouse JSON report reduced to what the gate reads."""
    got = {**PERFECT, **{k.replace("_", "-"): v for k, v in scores.items()}}
    categories = {
        name: {"score": score / 100, "auditRefs": [{"id": f"{name}-audit", "weight": 1}]}
        for name, score in got.items()
    }
    audits = {
        f"{name}-audit": {"score": score / 100, "title": f"{name} audit", "displayValue": "x"}
        for name, score in got.items()
    }
    return {
        "categories": categories,
        "audits": audits,
        "environment": {"benchmarkIndex": benchmark},
    }


class Lighthouse:
    """Stands in for the lighthouse binary: hands out reports in order, records slowdowns."""

    def __init__(self, *reports: dict | str) -> None:
        self.reports = list(reports)
        self.slowdowns: list[float] = []

    def __call__(self, slowdown: float) -> dict:
        self.slowdowns.append(slowdown)
        given = self.reports.pop(0)
        if isinstance(given, str):
            raise RuntimeError(given)
        return given


@pytest.mark.parametrize(
    ("benchmark", "expected"),
    [(0, 4.0), (2000, 4.0), (1500, 4.0), (1125, 3.0), (750, 2.0), (300, 1.0), (100, 1.0)],
)
def test_calibrated_slowdown(benchmark, expected):
    assert lighthouse.calibrated_slowdown(benchmark) == expected


@pytest.mark.parametrize(
    ("reports", "runs", "verdict"),
    [
        # settled at once: one run
        ([report()], 1, PERFECT),
        # noise on the first run only: the rerun decides
        ([report(performance=98), report()], 2, PERFECT),
        ([report(best_practices=96), report()], 2, PERFECT),
        # best of each category, whichever run it came from
        (
            [report(performance=97), report(performance=99), report(performance=100)],
            3,
            PERFECT,
        ),
        # a real regression fails every run: the verdict stays a failure
        ([report(performance=80)] * 3, 3, {**PERFECT, "performance": 80}),
        (
            [report(performance=80), report(performance=85), report(performance=82)],
            3,
            {**PERFECT, "performance": 85},
        ),
        # accessibility and SEO are judged on the DOM, not on time: no rerun for them
        ([report(accessibility=90)], 1, {**PERFECT, "accessibility": 90}),
        ([report(seo=92, performance=99), report(seo=92)], 2, {**PERFECT, "seo": 92}),
        # a run that crashed is retried; so is the one after
        (["Chromium timed out", report()], 2, PERFECT),
        (["crash", "crash", report(performance=99)], 3, {**PERFECT, "performance": 99}),
    ],
)
def test_run_page_takes_the_best_run_of_each_category(reports, runs, verdict):
    fake = Lighthouse(*reports)
    taken, _ = lighthouse.run_page(fake, 4.0, DEFAULT_RUNS)
    assert len(taken) == runs
    assert {k: v for k, (v, _) in lighthouse.best(taken).items()} == verdict


def test_each_rerun_is_calibrated_from_the_run_before():
    fake = Lighthouse(
        report(benchmark=750, performance=95), report(benchmark=1125, performance=98), report()
    )
    _, following = lighthouse.run_page(fake, 3.5, 3)
    assert fake.slowdowns == [3.5, 2.0, 3.0]
    assert following == 4.0  # the next page starts from the last measure


def test_the_limit_is_kept():
    fake = Lighthouse(*[report(performance=50)] * 5)
    taken, _ = lighthouse.run_page(fake, 4.0, 2)
    assert len(taken) == 2 and len(fake.reports) == 3


def test_findings_name_every_run_taken_and_the_best_run_audits():
    taken, _ = lighthouse.run_page(
        Lighthouse(report(performance=91), report(performance=94), report(performance=93)), 4.0, 3
    )
    assert [str(f) for f in lighthouse.page_findings("index.html", taken)] == [
        "index.html: Lighthouse performance 94 (mobile, best of 3 runs: 91, 94, 93), not 100: "
        "performance-audit 0.94 (x): performance audit"
    ]
    assert lighthouse.describe_runs(taken) == (
        "3 runs: [CPU 4.0x] performance 91, best-practices 100; "
        "[CPU 4.0x] performance 94, best-practices 100; "
        "[CPU 4.0x] performance 93, best-practices 100"
    )


def test_a_single_failing_run_reads_as_before():
    taken, _ = lighthouse.run_page(Lighthouse(report(accessibility=88)), 4.0, 3)
    assert [str(f) for f in lighthouse.page_findings("posts/x/index.html", taken)] == [
        "posts/x/index.html: Lighthouse accessibility 88 (mobile), not 100: "
        "accessibility-audit 0.88 (x): accessibility audit"
    ]


def test_no_run_at_all_is_one_finding_not_a_crash():
    taken, _ = lighthouse.run_page(Lighthouse("boom 1", "boom 2", "boom 3"), 4.0, 3)
    assert [str(f) for f in lighthouse.page_findings("index.html", taken)] == [
        "index.html: Lighthouse could not run (3 tries): boom 3"
    ]


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, 3), ({RUNS: ""}, 3), ({RUNS: " 5 "}, 5), ({RUNS: "1"}, 1), ({RUNS: "10"}, 10)],
)
def test_max_runs(environ, expected):
    assert lighthouse.max_runs(environ) == expected


@pytest.mark.parametrize("raw", ["0", "11", "three", "-1", "2.5"])
def test_max_runs_rejects(raw):
    with pytest.raises(ValueError, match="SITECHECK_LIGHTHOUSE_RUNS must be a whole number"):
        lighthouse.max_runs({"SITECHECK_LIGHTHOUSE_RUNS": raw})


def test_a_bad_run_count_is_a_finding_of_the_gate(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>")
    monkeypatch.setenv("SITECHECK_LIGHTHOUSE_RUNS", "many")
    result = lighthouse.run(Context(root=tmp_path))
    assert [str(f) for f in result.findings] == [
        "(check): SITECHECK_LIGHTHOUSE_RUNS must be a whole number from 1 to 10, got 'many'"
    ]
