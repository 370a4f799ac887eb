#!/usr/bin/env python3
# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Create, price, validate and read a glass quotation through Odoo's XML-RPC API.

Usage::

    python3 glass_quotation_xmlrpc.py http://localhost:8069 mirror_demo admin API_KEY

Create the API key in Odoo: avatar menu > My Profile > Account Security >
New API Key. Only Python's standard library is used.
"""

import sys
import xmlrpc.client


def run(url, db, login, api_key, out=print):
    common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
    uid = common.authenticate(db, login, api_key, {})
    if not uid:
        raise SystemExit("Authentication failed: check the login and the API key.")
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object")

    def call(model, method, *args, **kwargs):
        return models.execute_kw(db, uid, api_key, model, method, list(args), kwargs)

    # the catalog: a 4 mm silver mirror, a ground edge, the made-to-measure product
    [mirror] = call(
        "product.product",
        "search",
        [("glass_role", "=", "material"), ("glass_kind", "=", "mirror_silver")],
        limit=1,
    )
    [ground] = call(
        "mirror.operation",
        "search",
        [("category", "=", "edge"), ("edge_type", "=", "ground")],
        limit=1,
    )
    [piece] = call("product.product", "search", [("glass_role", "=", "piece")], limit=1)
    [partner] = call("res.partner", "search", [("customer_rank", ">=", 0)], limit=1)

    line = {
        "product_id": piece,
        "glass_material_id": mirror,
        "glass_width": 600,  # mm
        "glass_height": 800,  # mm
        "product_uom_qty": 2,  # identical pieces
        # or per side: glass_edge_bottom_id / _right_ / _top_ / _left_
        "glass_edge_all_id": ground,
        "glass_hole_ids": [
            (0, 0, {"diameter": 8, "x": 50, "y": 750})
        ],  # from bottom-left
    }

    # 1. price and validate without saving anything
    preview = call("sale.order.line", "mirror_glass_quote", line)
    out(
        f"valid: {preview['valid']}, unit price {preview['unit_price']} "
        f"{preview['currency']}"
    )
    for item in preview["breakdown"]["items"]:
        out(f"  {item['kind']:<9} {item['name']:<30} {item['amount']:>10.2f}")

    # 2. create the quotation
    order_id = call(
        "sale.order", "create", {"partner_id": partner, "order_line": [(0, 0, line)]}
    )
    [order] = call(
        "sale.order", "read", [order_id], ["name", "amount_untaxed", "state"]
    )
    out(f"{order['name']}: {order['amount_untaxed']} ({order['state']})")
    lines = call(
        "sale.order.line",
        "search_read",
        [("order_id", "=", order_id)],
        fields=["name", "price_unit", "glass_total_area", "glass_breakdown"],
    )
    for quoted in lines:
        out(
            f"  {quoted['name']}: {quoted['price_unit']} per piece, "
            f"{quoted['glass_total_area']} m²"
        )

    # 3. an invalid specification is refused with the same message as in the UI
    bad = dict(line, glass_hole_ids=[(0, 0, {"diameter": 8, "x": 5, "y": 5})])
    try:
        call("sale.order", "write", [order_id], {"order_line": [(0, 0, bad)]})
    except xmlrpc.client.Fault as fault:
        out("refused: " + fault.faultString.strip().splitlines()[-1])
    return order_id


if __name__ == "__main__":
    if len(sys.argv) != 5:
        raise SystemExit(__doc__)
    run(*sys.argv[1:])
