"""The exact arithmetic's two engines give the same analysis: gmpy2's rationals (fast, in C) and,
where gmpy2 cannot be installed, the standard library's fractions."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

from pipeline.analysis import exact
from pipeline.analysis.analyze import analyze
from pipeline.build import analysis_json
from pipeline.load.deal import load_deal
from tests.paths import ROOT

EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))
WITHOUT_GMPY2 = """
import sys
sys.modules["gmpy2"] = None  # import gmpy2 fails, as where it cannot be installed
from fractions import Fraction
from pipeline.analysis import exact
assert exact.Exact is Fraction
from pipeline.analysis.analyze import analyze
from pipeline.build import analysis_json
from pipeline.load.deal import load_deal
for path in sys.argv[1:]:
    sys.stdout.buffer.write(analysis_json(analyze(load_deal(path)[0])))
"""


def test_decimals_are_read_as_written():
    assert exact.exact(0.1) == Fraction(1, 10) and exact.exact(70.1) - exact.exact(65.1) == 5
    # (0.1 × 70.1 + 0.2 × 70.2) ÷ 0.3 = 21.05 ÷ 0.3 = 421/6 exactly
    assert exact.index([0.1, 0.2], [70.1, 70.2]) == Fraction(421, 6)
    assert exact.stored(exact.exact(1) / 3) == 1 / 3 and str(exact.stored(exact.ZERO - 0)) == "0.0"


def test_the_standard_librarys_fractions_give_the_same_analysis():
    paths = [str(p) for p in EXAMPLES]
    fallback = subprocess.run([sys.executable, "-c", WITHOUT_GMPY2, *paths], cwd=ROOT, capture_output=True,
                              check=True).stdout
    assert fallback == b"".join(analysis_json(analyze(load_deal(p)[0])) for p in paths)
