# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark: confirm a glass order of N pieces (MOs, work orders, piece records).

Run it in an Odoo shell on a database with the suite installed (nothing is kept,
the transaction is rolled back):

    ./mirror shell < tests/benchmarks/bench_confirm_order.py

It confirms orders of 200 pieces (each line with edges, two holes, tempering and
packing: six work orders a piece) made of 20 lines × 10 pieces and of 4 lines × 50
pieces, and 4 lines × 25 pieces, and prints the time and the SQL query count. The
queries of an order grow with its lines (one manufacturing order each) and, for
the same lines, by a small constant per extra piece (target: 200 pieces in under
5 s).
"""

# ruff: noqa: F821  (env is the Odoo shell's)
import time

from odoo import Command


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


def bench(items, lines_count, per_line):
    pieces = lines_count * per_line
    order = env["sale.order"].create(order_values(items, lines_count, per_line))
    env.flush_all()
    env.invalidate_all()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    order.action_confirm()
    env.flush_all()
    elapsed = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    made = env["mirror.piece"].search_count([("order_id", "=", order.id)])
    assert made == pieces, (made, pieces)
    return elapsed, queries


items = catalog()
bench(items, 1, 10)  # warm the caches
print(f"{'lines':>6} {'pieces':>7} {'seconds':>8} {'queries':>8} {'queries/piece':>14}")
results = {}
for lines_count, per_line in ((20, 10), (4, 25), (4, 50)):
    elapsed, queries = bench(items, lines_count, per_line)
    pieces = lines_count * per_line
    results[(lines_count, per_line)] = (elapsed, queries)
    print(
        f"{lines_count:>6} {pieces:>7} {elapsed:>8.2f} {queries:>8}"
        f" {queries / pieces:>14.1f}"
    )
growth = (results[(4, 50)][1] - results[(4, 25)][1]) / 100
print(f"queries per extra piece on the same 4 lines (100 -> 200 pieces): {growth:.1f}")
print(f"200 pieces on 20 lines: {results[(20, 10)][0]:.2f} s (target < 5 s)")
print(f"200 pieces on 4 lines: {results[(4, 50)][0]:.2f} s (target < 5 s)")
env.cr.rollback()
