# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: confirm a glass order of 200 pieces (MOs, work orders, pieces, planning).

Run it in an Odoo shell on a database with the suite installed (nothing is kept,
the transaction is rolled back):

    ./mirror shell < tests/benchmarks/bench_confirm_order.py

Each line has edges, two holes, tempering and packing: its manufacturing order
gets five work orders (cutting, edge, drilling, tempering, packing), planned on the
work centers' capacity, and one piece per unit with its barcode and route of steps.
It confirms orders of 200 pieces made of 20 lines × 10 pieces and of 4 lines × 50
pieces (and 4 lines × 25, for the queries an extra piece costs), first on empty
work centers, then with a few hundred work orders already planned on them (it
confirms BENCH_LOAD_ORDERS orders of 20 lines first, 3 by default). Each figure is
the median of BENCH_REPEAT confirmations (3 by default), each rolled back to a
savepoint so the load stays the same; the time includes the pre-commit work
(tracking messages, the status hook) a real confirmation pays for. Prints the
machine, time, SQL queries and the ratio to the 5 s target; then confirms one more
order of 20 lines on the loaded work centers twice, with Odoo's own planning
(``button_plan``, one work order after the other) and with the suite's, and says
whether both found the same slots.
"""

# ruff: noqa: F821  (env is the Odoo shell's)
import os
import platform
import statistics
import subprocess
import time
from datetime import datetime
from unittest.mock import patch

from odoo import Command, release

TARGET_SECONDS = 5.0
REPEAT = int(os.environ.get("BENCH_REPEAT") or 3)
LOAD_ORDERS = int(os.environ.get("BENCH_LOAD_ORDERS") or 3)
SHAPES = ((20, 10), (4, 50), (4, 25))


def catalog():
    uom_m2 = env.ref("uom.uom_square_meter")
    workcenter = env["mrp.workcenter"].create({"name": "Bench workcenter"})
    material = env["product.product"].create(
        {
            "name": "Bench float 6 mm",
            "glass_role": "material",
            "glass_kind": "float",
            "glass_thickness": 6,
            "uom_id": uom_m2.id,
            "uom_po_id": uom_m2.id,
            "list_price": 1500,
            "standard_price": 700,
            "glass_sheet_size_ids": [Command.create({"width": 3210, "height": 2250})],
        }
    )
    Operation = env["mirror.operation"]

    def operation(name, category, **values):
        return Operation.create(
            dict(
                name=name,
                category=category,
                workcenter_id=workcenter.id,
                time_norm=1,
                price_ids=[Command.create({"price": 100})],
                **values,
            )
        )

    env.company.mirror_cutting_operation_id = operation("Bench cutting", "cutting")
    return {
        "workcenter": workcenter,
        "material": material,
        "edge": operation("Bench ground", "edge", edge_type="ground"),
        "drill": operation("Bench drill", "drilling", size_min=4, size_max=20),
        "extra": operation("Bench tempering", "tempering")
        | operation("Bench packing", "packing"),
    }


def order_values(items, lines_count, per_line):
    partner = env["res.partner"].create({"name": "Bench customer"})
    product = env.company._mirror_glass_product()
    lines = []
    for index in range(lines_count):
        lines.append(
            Command.create(
                {
                    "product_id": product.id,
                    "glass_material_id": items["material"].id,
                    "glass_width": 500 + 10 * index,
                    "glass_height": 700,
                    "product_uom_qty": per_line,
                    "glass_edge_all_id": items["edge"].id,
                    "glass_hole_ids": [
                        Command.create({"diameter": 8, "x": 100, "y": 100}),
                        Command.create({"diameter": 8, "x": 300, "y": 100}),
                    ],
                    "glass_operation_ids": [Command.set(items["extra"].ids)],
                }
            )
        )
    return {"partner_id": partner.id, "order_line": lines}


def confirm(items, lines_count, per_line):
    """Seconds and SQL queries of one confirmation, from a cold cache."""
    order = env["sale.order"].create(order_values(items, lines_count, per_line))
    env.cr.flush()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    order.action_confirm()
    env.cr.flush()  # the ORM's pending writes and the pre-commit hooks
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    made = env["mirror.piece"].search_count([("order_id", "=", order.id)])
    assert made == lines_count * per_line, (made, lines_count * per_line)
    return elapsed, queries


def measure(items, lines_count, per_line):
    """The median of REPEAT confirmations, each one rolled back."""
    runs = []
    for _index in range(REPEAT):
        savepoint = env.cr.savepoint()
        try:
            runs.append(confirm(items, lines_count, per_line))
        finally:
            savepoint.close(rollback=True)
    seconds = [elapsed for elapsed, _queries in runs]
    return {
        "seconds": statistics.median(seconds),
        "low": min(seconds),
        "high": max(seconds),
        "queries": int(statistics.median(queries for _elapsed, queries in runs)),
    }


def planned_workorders(items):
    return env["mrp.workorder"].search_count(
        [("workcenter_id", "=", items["workcenter"].id), ("leave_id", "!=", False)]
    )


def planning(order):
    """The planned work orders of ``order``: work center, duration, slot."""
    workorders = env["mrp.workorder"].search(
        [("production_id.sale_line_id.order_id", "=", order.id)], order="id"
    )
    return [
        (
            workorder.workcenter_id.id,
            workorder.duration_expected,
            workorder.leave_id.date_from,
            workorder.leave_id.date_to,
            workorder.production_id.date_start,
            workorder.production_id.date_finished,
        )
        for workorder in workorders
    ]


def check_planning(items, lines_count, per_line):
    """Confirm the same order with Odoo's own planning (``button_plan``, one work
    order after the other) and with the suite's: the slots must be the same."""
    now = datetime.now()

    class Now(datetime):
        @classmethod
        def now(cls, tz=None):
            return now  # both plan from the same moment

    plans = []
    for odoo_planning in (True, False):
        savepoint = env.cr.savepoint()
        try:
            order = env["sale.order"].create(order_values(items, lines_count, per_line))
            with (
                patch("odoo.addons.mrp.models.mrp_workorder.datetime", Now),
                patch(
                    "odoo.addons.mirror_production.models.mrp_workorder.datetime",
                    Now,
                    create=True,  # (before the suite planned itself: not imported)
                ),
            ):
                if odoo_planning:
                    order.with_context(mirror_planning=True).action_confirm()
                    env["mrp.production"].search(
                        [("sale_line_id.order_id", "=", order.id)], order="id"
                    ).with_context(mirror_planning=True).button_plan()
                else:
                    order.action_confirm()
                env.flush_all()
            plans.append(planning(order))
        finally:
            savepoint.close(rollback=True)
    return plans[0] == plans[1], len(plans[0])


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            cpu = next(
                (
                    line.split(":", 1)[1].strip()
                    for line in cpuinfo
                    if line.startswith("model name")
                ),
                cpu,
            )
    except OSError:
        pass
    env.cr.execute("SHOW server_version")
    postgres = env.cr.fetchone()[0].split()[0]
    try:
        commit = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), load {load}; Python"
        f" {platform.python_version()}, PostgreSQL {postgres}, Odoo {release.version};"
        f" commit {commit}"
    )


def report(label, figures):
    for (lines_count, per_line), result in figures.items():
        pieces = lines_count * per_line
        print(
            f"{label:<14} {lines_count:>5} {pieces:>6} {result['seconds']:>8.2f}"
            f" {result['low']:>6.2f}-{result['high']:<6.2f} {result['queries']:>7}"
            f" {result['queries'] / pieces:>7.1f}"
            f" {result['seconds'] / TARGET_SECONDS:>7.2f}"
        )


print(f"machine: {machine()}")
items = catalog()
confirm(items, 1, 10)  # warm the caches
print(
    f"median of {REPEAT} confirmations each (rolled back), target"
    f" {TARGET_SECONDS:g} s for 200 pieces"
)
print(
    f"{'work orders':<14} {'lines':>5} {'pieces':>6} {'seconds':>8} {'min-max':^13}"
    f" {'queries':>7} {'q/piece':>7} {'/target':>7}"
)
empty_count = planned_workorders(items)
empty = {shape: measure(items, *shape) for shape in SHAPES}
report(f"{empty_count} planned", empty)
start = time.perf_counter()
for _index in range(LOAD_ORDERS):
    confirm(items, 20, 10)
loaded_count = planned_workorders(items)
loading = time.perf_counter() - start
loaded = {shape: measure(items, *shape) for shape in SHAPES}
report(f"{loaded_count} planned", loaded)
print(
    f"(the load: {LOAD_ORDERS} orders of 20 lines × 10 pieces confirmed in"
    f" {loading:.1f} s)"
)
same, compared = check_planning(items, 20, 10)
print(
    f"planning of 20 lines on the loaded work centers, {compared} work orders:"
    f" {'the same slots as' if same else 'DIFFERENT from'} Odoo's button_plan"
)
growth = (empty[(4, 50)]["queries"] - empty[(4, 25)]["queries"]) / 100
print(f"queries per extra piece on the same 4 lines (100 -> 200 pieces): {growth:.1f}")
for label, figures, count in (
    ("empty", empty, empty_count),
    ("loaded", loaded, loaded_count),
):
    for shape in ((20, 10), (4, 50)):
        seconds = figures[shape]["seconds"]
        verdict = "ok" if seconds < TARGET_SECONDS else "OVER"
        print(
            f"200 pieces on {shape[0]} lines, {label} ({count} work orders planned):"
            f" {seconds:.2f} s, {figures[shape]['queries']} queries,"
            f" {seconds / TARGET_SECONDS:.0%} of the {TARGET_SECONDS:g} s target"
            f" [{verdict}]"
        )
env.cr.rollback()
