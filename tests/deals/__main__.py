"""Write the benchmark's deal files, to read or build them by hand.

    python -m tests.deals --deals 20 --out /tmp/deals [--seed 2026]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tests.deals.generator import BENCH_SEED, write_deals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.deals", description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, required=True, metavar="N", help="how many deals to write")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the folder to write them into")
    parser.add_argument("--seed", type=int, default=BENCH_SEED, help=f"the random seed (default: {BENCH_SEED})")
    args = parser.parse_args(argv)
    paths = write_deals(args.out, args.deals, args.seed)
    print(f"wrote {len(paths)} deals into {args.out}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
