# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Command line: plan an instance, write the plan, check it, print its figures.

    PYTHONPATH=addons/mirror_production python3 -m cutting \\
        ../shared/data/roadef2018/A5_batch.csv --time-limit 60 \\
        --solution A5_solution.csv --json A5_solution.json

The instance is the challenge's ``<I>_batch.csv`` (with ``global_param.csv`` and
``<I>_defects.csv`` beside it, or ``--params``), or a JSON instance (see
:func:`cutting.instance.read_json`). ``--check PLAN.csv`` checks an existing plan
instead of planning. The exit status is 0 for a valid plan, 1 for an invalid one
and 2 for bad input.
"""

# This module is a command line program: it prints its results.
# pylint: disable=print-used

import argparse
import os
import sys
import time

from . import checker, plan
from ._glass import MM2_PER_M2, _lt
from .errors import CuttingError
from .instance import read_challenge, read_json, read_params
from .layout import to_nodes
from .optimizer import Optimizer


def load(path, params_path=None):
    """The instance at ``path``: a JSON file or a challenge ``_batch.csv``."""
    if path.endswith(".json"):
        return read_json(path)
    directory, base = os.path.split(os.path.abspath(path))
    if not base.endswith("_batch.csv"):
        raise CuttingError(
            "input",
            _lt(
                "Give a <name>_batch.csv file of the challenge or a .json instance, "
                "not %(path)s."
            ),
            path=path,
        )
    params_path = params_path or os.path.join(directory, "global_param.csv")
    params = read_params(params_path) if os.path.exists(params_path) else None
    return read_challenge(directory, base[: -len("_batch.csv")], params)


def parser():
    result = argparse.ArgumentParser(
        prog="python3 -m cutting",
        description="Plan 3-stage guillotine glass cutting (ROADEF/EURO 2018 rules).",
    )
    result.add_argument("instance", help="<name>_batch.csv or a .json instance")
    result.add_argument("--params", help="global_param.csv (default: beside it)")
    result.add_argument(
        "--time-limit", type=float, default=60.0, help="seconds (default 60)"
    )
    result.add_argument("--seed", type=int, default=0, help="tie order of the stacks")
    result.add_argument("--solution", help="write the plan in the challenge's CSV")
    result.add_argument("--json", help="write the plan as JSON")
    result.add_argument("--check", metavar="PLAN", help="check this plan, no search")
    result.add_argument("--quiet", action="store_true", help="only the summary line")
    return result


def main(argv=None):
    args = parser().parse_args(argv)
    try:
        instance = load(args.instance, args.params)
        started = time.monotonic()
        if args.check:
            nodes = plan.read_csv(args.check)
            result = None
        else:
            result = Optimizer(instance, seed=args.seed).solve(args.time_limit)
            nodes = to_nodes(result.layout, instance.params)
        elapsed = time.monotonic() - started
    except (CuttingError, OSError, KeyError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report = checker.check(instance, nodes)
    if args.solution:
        plan.write_csv(args.solution, nodes)
    if args.json:
        plan.write_json(args.json, instance, nodes, report)
    if not args.quiet:
        for error in report.errors[:20]:
            print(f"invalid: {error}")
        if result is not None:
            runs = ", ".join(
                f"{beam}:{'-' if loss is None else loss}"
                for beam, loss, _t in result.runs
            )
            print(f"beam runs (width:loss): {runs}")
    verdict = "valid" if report.valid else "INVALID"
    print(
        f"{instance.name}: {verdict}, loss {report.loss} mm² "
        f"({report.loss / MM2_PER_M2:.3f} m²), plates {report.plates}, "
        f"yield {report.yield_ratio:.2%}, {elapsed:.1f} s"
    )
    return 0 if report.valid else 1
