# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quotation's sheet estimate (fast mode): seconds, sheets and yield.

    python3 tests/benchmarks/bench_cutting_estimate.py [--repeat 3]

Quotations of 5 to 400 pieces of mixed sizes (a deterministic pseudo-random cut list
like a furniture maker's), on 3210 × 2250 and on 6000 × 3210 sheets. The target: an
estimate in under 2 s, so a manager sees the glass cost while quoting.
"""

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "addons" / "mirror_production"))

from cutting import Piece, Settings, estimate  # noqa: E402

TARGET = 2.0


def quotation(count, seed):
    """``count`` pieces in a few line sizes, as a real order has."""
    rng = random.Random(seed)
    lines = max(1, count // 6)
    sizes = [
        (rng.randrange(200, 1800, 10), rng.randrange(150, 1200, 10))
        for _line in range(lines)
    ]
    return [Piece(index, *sizes[index % lines]) for index in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    worst = 0.0
    print(f"{'pieces':>6} {'sheet':>11} {'sheets':>6} {'yield %':>8} {'seconds':>8}")
    for sheet in ((3210, 2250), (6000, 3210)):
        for count in (5, 20, 50, 150, 400):
            pieces = quotation(count, seed=count)
            best = None
            for _run in range(args.repeat):
                started = time.monotonic()
                result = estimate(pieces, [sheet], settings, time_limit=1.5)
                seconds = time.monotonic() - started
                best = seconds if best is None else min(best, seconds)
                worst = max(worst, seconds)
            print(
                f"{count:>6} {sheet[0]:>5}×{sheet[1]:<5} {len(result.sheets):>6} "
                f"{100 * result.yield_ratio:>8.1f} {best:>8.2f}"
            )
    verdict = "OK" if worst < TARGET else "TOO SLOW"
    print(f"slowest estimate {worst:.2f} s, target < {TARGET:.1f} s: {verdict}")
    return 0 if worst < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
