# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A request with many holes at one point: validation and quote time and memory.

    .venv/bin/python tests/benchmarks/bench_holes.py [--holes 1200] [--max-holes 50]

Builds one 1000 × 500 mm piece of 4 mm glass with ``--holes`` Ø10 holes all at the
same point (the abusive request of the hardening issue), then times
``validation.validate`` and, as ``mirror_glass_quote`` does, ``pricing.quote`` only
when the spec is valid. Prints the wall time, the peak memory traced by
``tracemalloc``, the number of issues and their codes. Before the limits, 1,200 holes
gave 719,400 issues in 33 s and 361 MB; the default limit (50 holes per piece) must
answer with one issue in milliseconds. ``--max-holes 2000`` lifts the limit to see what
the per-rule cap on issues alone saves (the pairs are still all compared).
"""

import argparse
import os
import platform
import subprocess
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "addons" / "mirror_production"))

from glass import pricing, validation  # noqa: E402
from glass.spec import (  # noqa: E402
    BASIS_UNIT,
    Hole,
    Material,
    Operation,
    PieceSpec,
    PriceBand,
    Rules,
)


def make_spec(holes):
    drilling = Operation(
        "Drilling Ø5–20",
        "drilling",
        BASIS_UNIT,
        bands=(PriceBand(0, 0, 50.0, 20.0),),
        size_min=5,
        size_max=20,
    )
    material = Material("Float 4 mm", 4.0, price_m2=1000.0, sheets=((3210, 2250),))
    return PieceSpec(
        material,
        1000.0,
        500.0,
        holes=tuple(Hole(10.0, 500.0, 250.0, drilling) for _index in range(holes)),
    )


def measure(spec, rules):
    """(seconds, peak bytes, issues, quote or None) of validate + quote."""
    tracemalloc.start()
    started = time.perf_counter()
    issues = validation.validate(spec, rules)
    quote = None if issues else pricing.quote(spec, rules)
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, issues, quote


def _commit():
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--holes", type=int, default=1200)
    parser.add_argument(
        "--max-holes", type=int, default=Rules.max_holes, help="the company setting"
    )
    args = parser.parse_args()
    rules = Rules(max_holes=args.max_holes)
    print(
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, commit {_commit()}"
    )
    print(
        f"{args.holes} holes Ø10 at one point; limit {rules.max_holes} holes per "
        f"piece, {rules.max_issues_per_rule} issues per rule"
    )
    spec = make_spec(args.holes)
    elapsed, peak, issues, quote = measure(spec, rules)
    codes = Counter(issue.code for issue in issues)
    print(
        f"validate + quote: {elapsed * 1000:.1f} ms, peak {peak / 1024:.1f} KiB, "
        f"{len(issues)} issues {dict(codes)}"
        + (f", total {quote.total}" if quote else ", not priced")
    )
    for issue in issues[:3]:
        print(f"  {issue.code}: {issue.render()}")


if __name__ == "__main__":
    main()
