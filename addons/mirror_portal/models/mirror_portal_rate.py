# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import hashlib
import hmac
import ipaddress
import time
from datetime import UTC, datetime, timedelta

from odoo import api, fields, models, sql_db
from odoo.tools import SQL

# the counters are hourly: an older window is of no use, except for a look at abuse
KEEP_DAYS = 2


class MirrorPortalRate(models.Model):
    """How many requests a visitor of the public pages made in a time window.

    Each (key, window) is one row, counted up by one atomic upsert in a transaction
    of its own, so that every worker of every node counts on the same row and no
    request is lost or counted twice. The key is a hash of the bucket and the
    client's address: no address is stored.
    """

    _name = "mirror.portal.rate"
    _description = "Public page request counter"
    _log_access = False
    _order = "window_start desc, id desc"

    key = fields.Char(required=True, readonly=True)
    window_start = fields.Datetime(required=True, readonly=True)
    count = fields.Integer(readonly=True)

    _sql_constraints = [
        (
            "key_window_unique",
            "UNIQUE(key, window_start)",
            "One counter per key and time window.",
        ),
    ]

    @api.model
    def _mirror_client_key(self, bucket, address):
        """The counter's key of ``bucket`` for a client ``address``: an IPv6 client
        counts by its /64 network (one subscriber's usual allocation), and the
        address is hashed with the database secret."""
        address = (address or "").strip()[:64]
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            ip = None
        if ip is not None and ip.version == 6 and not ip.ipv4_mapped:
            address = str(ipaddress.ip_network(f"{ip}/64", strict=False))
        elif ip is not None and ip.version == 6:
            address = str(ip.ipv4_mapped)
        secret = self.env["ir.config_parameter"].sudo().get_param("database.secret")
        digest = hmac.new(
            (secret or self.env.cr.dbname).encode(),
            f"{bucket}:{address}".encode(),
            hashlib.sha256,
        ).hexdigest()
        return f"{bucket[:16]}:{digest[:40]}"

    @api.model
    def _mirror_window_start(self, window=3600, now=None):
        """The start of the fixed time window of ``window`` seconds ``now`` is in
        (a naive UTC datetime, as Odoo stores them)."""
        now = time.time() if now is None else now
        start = int(now) // window * window
        return datetime.fromtimestamp(start, UTC).replace(tzinfo=None)

    @api.model
    def _mirror_hit(self, key, limit, window=3600, now=None):
        """Count one request for ``key``; whether it is within ``limit`` requests
        per ``window`` seconds (a ``limit`` of 0 or less: no limit, not counted).

        The count is committed at once in its own READ COMMITTED transaction: it
        holds the counter's row lock only for the upsert (not for the request), a
        request that fails later still counts, and parallel workers never get a
        serialization failure (which Odoo's REPEATABLE READ would raise on a row
        updated by a concurrent transaction). ``now`` (a timestamp) is the moment
        of the request, by default the present.
        """
        if not limit or limit <= 0:
            return True
        window_start = self._mirror_window_start(window, now)
        with sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
            cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            count = self._mirror_count(cr, key, window_start)
        return count <= limit

    @api.model
    def _mirror_count(self, cr, key, window_start):
        """Add one to the counter of ``key`` in the window, on cursor ``cr``, and
        return the new count (one statement: atomic under any concurrency)."""
        cr.execute(
            SQL(
                """
                INSERT INTO mirror_portal_rate AS rate (key, window_start, count)
                VALUES (%(key)s, %(start)s, 1)
                ON CONFLICT (key, window_start)
                DO UPDATE SET count = rate.count + 1
                RETURNING rate.count
                """,
                key=key,
                start=window_start,
            )
        )
        return cr.fetchone()[0]

    @api.autovacuum
    def _gc_mirror_rates(self):
        """Forget the counters of past windows."""
        limit = fields.Datetime.now() - timedelta(days=KEEP_DAYS)
        self.env.cr.execute(
            SQL("DELETE FROM mirror_portal_rate WHERE window_start < %s", limit)
        )
