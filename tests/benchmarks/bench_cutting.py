# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Cutting plans on the ROADEF/EURO 2018 sets A and B against the best known.

    python3 tests/benchmarks/bench_cutting.py --time-limit 60 [--jobs 2] [A1 B3 ...]

Per instance: the geometric loss, its ratio to ``best_known.csv``, plates, yield,
the widest beam that finished and the independent checker's verdict; then the
totals per set. The issue's target: every plan valid and set A's total loss at
most 1.20 × the best known (96.1 m²), aim 1.10 × (88.1 m²).
"""

import argparse
import csv
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "addons" / "mirror_production"))

from cutting import checker, layout  # noqa: E402
from cutting.instance import read_challenge  # noqa: E402
from cutting.optimizer import Optimizer  # noqa: E402

DATA = Path(os.environ.get("ROADEF_DIR", ROOT.parent / "shared/data/roadef2018"))


def run(name, time_limit):
    instance = read_challenge(DATA, name)
    started = time.monotonic()
    result = Optimizer(instance).solve(time_limit=time_limit)
    elapsed = time.monotonic() - started
    report = checker.check(instance, layout.to_nodes(result.layout, instance.params))
    finished = [beam for beam, loss, _t in result.runs if loss is not None]
    return {
        "name": name,
        "loss": report.loss,
        "valid": report.valid,
        "errors": report.errors[:3],
        "plates": report.plates,
        "yield": report.yield_ratio,
        "beam": max(finished) if finished else 0,
        "engine": result.layout.engine,
        "beam_loss": min((loss for _b, loss, _t in result.runs if loss), default=None),
        "tree_loss": result.treesearch_loss,
        "seconds": elapsed,
    }


def _m2(loss):
    return "-" if loss is None else f"{loss / 1e6:.3f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="instances (default: all of A and B)")
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--jobs", type=int, default=1, help="instances in parallel")
    args = parser.parse_args()
    with open(DATA / "best_known.csv", newline="", encoding="utf-8") as handle:
        best = {
            row["instance"]: int(row["best_known_loss"])
            for row in csv.DictReader(handle, delimiter=";")
        }
    names = args.names or sorted(best, key=lambda n: (n[0], int(n[1:])))
    print(
        f"{len(names)} instances, {args.time_limit:g} s each, {args.jobs} at a time, "
        f"{os.cpu_count()} cores"
    )
    print(
        f"{'instance':<9}{'loss m²':>10}{'best m²':>10}{'ratio':>8}{'plates':>8}"
        f"{'yield':>8}{'beam':>7}{'s':>6}  {'by':<14}{'beam m²':>9}{'tree m²':>9}"
        "  verdict"
    )
    results = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run, name, args.time_limit) for name in names]
        for future in futures:
            row = future.result()
            results[row["name"]] = row
            known = best.get(row["name"])
            ratio = f"{row['loss'] / known:.3f}" if known else "-"
            print(
                f"{row['name']:<9}{row['loss'] / 1e6:>10.3f}"
                f"{(known or 0) / 1e6:>10.3f}{ratio:>8}{row['plates']:>8}"
                f"{row['yield']:>8.2%}{row['beam']:>7}{row['seconds']:>6.0f}  "
                f"{row['engine']:<14}{_m2(row['beam_loss']):>9}"
                f"{_m2(row['tree_loss']):>9}  "
                + ("valid" if row["valid"] else f"INVALID {row['errors']}"),
                flush=True,
            )
    status = 0
    for prefix in sorted({name[0] for name in names}):
        rows = [row for name, row in results.items() if name[0] == prefix]
        loss = sum(row["loss"] for row in rows)
        known = sum(best[row["name"]] for row in rows if row["name"] in best)
        invalid = [row["name"] for row in rows if not row["valid"]]
        print(
            f"set {prefix}: {len(rows)} instances, total loss {loss / 1e6:.2f} m², "
            f"best known {known / 1e6:.2f} m², ratio {loss / known:.3f}, "
            f"{len(rows) - len(invalid)} valid"
            + (f", INVALID {invalid}" if invalid else "")
        )
        status = status or bool(invalid)
    return status


if __name__ == "__main__":
    sys.exit(main())
