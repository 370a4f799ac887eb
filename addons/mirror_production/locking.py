# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Serialising the transactions that decide on a shared record.

Odoo runs every request in a REPEATABLE READ transaction. When two tablets finish
the last two pieces of a work order at the same moment, each transaction sees its
own piece done and the other's not: neither finishes the work order. Locking the
work order's row with ``SELECT ... FOR UPDATE`` is not enough: the second
transaction waits for the first, but then still reads from the snapshot it took
before the first committed. It must *write* the shared row: PostgreSQL then
refuses the second transaction's write ("could not serialize access due to
concurrent update"), and Odoo retries the whole request, which now sees both
pieces done.
"""

import psycopg2

from odoo.exceptions import UserError
from odoo.tools import SQL


def serialize_on(records, nowait=False):
    """Take the write lock of ``records``' rows for the rest of the transaction.

    Every transaction that decides on the same records must call this first; the
    second of two concurrent ones waits for the first and is then retried by
    Odoo with fresh data. With ``nowait``, a row already locked by another
    transaction raises a ``UserError`` at once instead (for a manager's second
    click on a button).
    """
    if not records:
        return
    env = records.env
    table = SQL.identifier(records._table)
    ids = tuple(records.ids)
    if nowait:
        try:
            with env.cr.savepoint(flush=False):
                env.cr.execute(
                    SQL(
                        "SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT", table, ids
                    )
                )
        except psycopg2.errors.LockNotAvailable as error:
            raise UserError(
                env._(
                    "%(records)s is being changed by someone else right now; try "
                    "again in a moment.",
                    records=", ".join(records.mapped("display_name")),
                )
            ) from error
    # a write, not a mere lock: see the module's docstring
    env.cr.execute(
        SQL("UPDATE %s SET write_date = write_date WHERE id IN %s", table, ids)
    )
