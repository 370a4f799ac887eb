# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Workshop tablet: how long an action takes with 200 pieces in the queue.

    .venv/bin/python tests/benchmarks/bench_workshop.py --db mirror_demo [--pieces 200]

On a database where mirror_production is installed (``./mirror serve`` makes
``mirror_demo``), it adds a confirmed order of ``--pieces`` glass pieces waiting at
the cutting station, signs a tablet account in through Odoo's HTTP stack (its WSGI
application, in this process) and times the server side of a tap: the action's
JSON-RPC call (start, pause, done), Done's answer with the queue the tablet goes
back to, as the browser calls them. Prints the mean, median, 95th percentile and
worst time and their ratio to the 300 ms target. What it added is removed at the
end. bench_workshop_browser.py times the tap as the operator sees it.
"""

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ODOO_PATH = Path(os.environ.get("ODOO_PATH", "/opt/odoo"))
TARGET_MS = 300.0


def _load_odoo(db):
    sys.path.insert(0, str(ODOO_PATH))
    import odoo  # noqa: PLC0415 - Odoo is found through ODOO_PATH
    from odoo.tools import config  # noqa: PLC0415

    site = next((ROOT / ".venv/lib").glob("python3*/site-packages/odoo/addons"), None)
    paths = [ODOO_PATH / "odoo/addons", ROOT / "addons"] + ([site] if site else [])
    config.parse_config(
        [
            "-c",
            str(ROOT / "odoo.conf"),
            f"--addons-path={','.join(str(path) for path in paths)}",
            f"--data-dir={ROOT / 'var/data'}",
            "-d",
            db,
            "--log-level=warn",
        ]
    )
    odoo.service.server.load_server_wide_modules()
    return odoo


def percentile(values, share):
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered)) - 1)]


def machine():
    """The machine, its load now and the commit, for a benchmark's report."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        commit = "?"
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), load {load} (1, 5, 15 min); "
        f"Python {platform.python_version()}; commit {commit}"
    )


class Rpc:
    """JSON-RPC through Odoo's WSGI application, as the web client calls it."""

    def __init__(self, odoo, db, login, password):
        from werkzeug.test import Client  # noqa: PLC0415

        self.client = Client(odoo.http.root)
        self.db = db
        self.ids = 0
        self.post("/web/session/authenticate", db=db, login=login, password=password)

    def post(self, path, **params):
        self.ids += 1
        response = self.client.post(
            path,
            json={"jsonrpc": "2.0", "method": "call", "id": self.ids, "params": params},
            environ_base={"REMOTE_ADDR": "127.0.0.1"},
        )
        body = response.get_json()
        if body.get("error"):
            raise RuntimeError(body["error"]["data"]["message"])
        return body["result"]

    def call(self, method, *args, **kwargs):
        return self.post(
            f"/web/dataset/call_kw/mirror.workshop/{method}",
            model="mirror.workshop",
            method=method,
            args=list(args),
            kwargs=kwargs,
        )


def add_order(env, pieces):
    """A confirmed order of ``pieces`` glass pieces (in lines of 10), waiting at
    the cutting station; returns the order and its client."""
    from odoo import Command  # noqa: PLC0415

    glass = env["product.product"].search(
        [("glass_role", "=", "material"), ("glass_sheet_size_ids", "!=", False)],
        limit=1,
    )
    cutting = env["mirror.workshop"]._cutting_stations()
    if not glass or not cutting:
        sys.exit(
            "No glass with sheet sizes or no cutting work center on this database: "
            "run the benchmark on the demo database (./mirror serve makes mirror_demo)."
        )
    partner = env["res.partner"].create({"name": "Benchmark client"})
    lines = []
    for index in range(0, pieces, 10):
        lines.append(
            Command.create(
                {
                    "product_id": env.ref("mirror_production.product_glass_piece").id,
                    "glass_material_id": glass.id,
                    "glass_width": 400 + index,
                    "glass_height": 300 + index,
                    "product_uom_qty": min(10, pieces - index),
                }
            )
        )
    order = env["sale.order"].create({"partner_id": partner.id, "order_line": lines})
    order.action_confirm()
    return order, partner


def remove_order(env, order, partner):
    """Remove what :func:`add_order` added, with the pieces' history and remakes."""
    pieces = env["mirror.piece"].search([("order_id", "=", order.id)])
    productions = order.mrp_production_ids | pieces.production_id
    productions.filtered(lambda mo: mo.state != "done").action_cancel()
    order._action_cancel()
    env["mirror.piece.event"].search([("piece_id", "in", pieces.ids)]).unlink()
    pieces.unlink()
    order.unlink()
    partner.unlink()


def _setup(env, pieces):
    """An order of ``pieces`` pieces, a tablet account and a worker; returns
    what to remove afterwards."""
    from odoo import Command  # noqa: PLC0415

    order, partner = add_order(env, pieces)
    operator = env["res.users"].create(
        {
            "name": "Benchmark tablet",
            "login": f"bench-tablet-{time.time_ns()}",
            "password": "bench-tablet-pass",
            "groups_id": [
                Command.set([env.ref("mirror_production.group_mirror_operator").id])
            ],
        }
    )
    employee = env["hr.employee"].create(
        {"name": "Benchmark worker", "barcode": f"9{time.time_ns() % 10**12}"}
    )
    return order, partner, operator, employee


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=os.environ.get("MIRROR_DB", "mirror_demo"))
    parser.add_argument("--pieces", type=int, default=200)
    parser.add_argument("--taps", type=int, default=30)
    args = parser.parse_args()
    odoo = _load_odoo(args.db)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order, partner, operator, employee = _setup(env, args.pieces)
        cr.commit()
        ids = order, partner, operator, employee
        pieces = env["mirror.piece"].search([("order_id", "=", order.id)])
        station = pieces[:1].current_step_id.workcenter_id
        station_id, station_name = station.id, station.name
        login, badge = operator.login, employee.barcode
    try:
        rpc = Rpc(odoo, args.db, login, "bench-tablet-pass")
        worker = rpc.call("tablet_identify", None, badge)
        queue = rpc.call("tablet_queue", station_id)["pieces"]
        print(
            f"{len(queue)} pieces in the queue of {station_name}; "
            f"{args.taps} taps (the action's JSON-RPC call through Odoo's WSGI, "
            "with the queue after Done)"
        )
        timings = []
        actions = ["start", "pause", "start", "done"]
        pieces = [row["id"] for row in queue]
        for tap in range(args.taps):
            piece = pieces[tap // len(actions)]
            action = actions[tap % len(actions)]
            done = action == "done"
            started = time.perf_counter()
            # as the tablet calls it: Done brings the queue it goes back to
            rpc.call("tablet_act", station_id, piece, action, worker, queue=done)
            timings.append(1000 * (time.perf_counter() - started))
        timings.sort()
        p95 = percentile(timings, 0.95)
        for label, value in (
            ("mean", statistics.mean(timings)),
            ("median", statistics.median(timings)),
            ("p95", p95),
            ("worst", timings[-1]),
        ):
            print(f"{label:>7}: {value:7.1f} ms  ({value / TARGET_MS:.2f} × 300 ms)")
        print(machine())
    finally:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            order, partner, operator, employee = (
                record.with_env(env) for record in ids
            )
            env["mirror.piece.event"].search([("user_id", "=", operator.id)]).unlink()
            remove_order(env, order, partner)
            operator.unlink()
            employee.unlink()


if __name__ == "__main__":
    main()
