# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Wrong PINs and badges at the workshop tablet, counted in the database.

One counter per tablet account and kind (PIN or badge), and one per employee
when the tablet names the employee (two employees sharing a PIN). A counter is
never reset by a sign-in: it is forgotten a day after its last failure. Past
the free attempts, each failure doubles the wait before the next attempt.

The counters live outside the request's transaction: a wrong PIN ends the
request with an error, which rolls the request back, but its failure must stay
counted. They are read and written on a cursor of their own, in READ COMMITTED,
with the counter's row locked for the time of the check, so that parallel
requests on several workers take turns and each sees the failures before it.
"""

import contextlib
import datetime

from odoo import api, fields, models
from odoo.tools import SQL

KINDS = [("pin", "PIN"), ("badge", "Badge")]
# failures are forgotten this long after the last one
FORGET_AFTER = datetime.timedelta(hours=24)
# the longest wait between two attempts
MAX_WAIT = datetime.timedelta(hours=1)


class MirrorWorkshopAttempt(models.Model):
    _name = "mirror.workshop.attempt"
    _description = "Wrong Sign-ins at the Workshop Tablet"
    _order = "last_failure desc"
    _log_access = False

    user_id = fields.Many2one(
        "res.users", "Tablet account", required=True, ondelete="cascade"
    )
    employee_id = fields.Many2one("hr.employee", ondelete="cascade")
    kind = fields.Selection(KINDS, required=True)
    failures = fields.Integer("Wrong attempts", default=0)
    last_failure = fields.Datetime("Last wrong attempt")
    locked_until = fields.Datetime("Waits until")

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS mirror_workshop_attempt_key
            ON mirror_workshop_attempt (user_id, kind, COALESCE(employee_id, 0))
            """
        )

    @api.model
    @contextlib.contextmanager
    def _mirror_guard(self, kind, employee_ids=()):
        """Lock the counters of the tablet account (and of each employee of
        ``employee_ids``) for ``kind`` and yield their ``Guard``; what the block
        tells it (``fail``, ``succeed``) is committed when the block ends, even
        when it ends with an error."""
        registry = self.env.registry
        with registry.cursor() as cr:
            if not registry.in_test_mode():
                cr.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED")
            company = self.env.company
            guard = Guard(
                cr,
                self.env.uid,
                kind,
                employee_ids,
                free=company.mirror_tablet_free_attempts,
                first_wait=company.mirror_tablet_first_wait,
            )
            guard.lock()
            failure = None
            try:
                yield guard
            except BaseException as error:  # noqa: BLE001 - raised again below
                failure = error
            guard.save()
        # the cursor committed the counts: now the block's error, if any
        if failure is not None:
            raise failure

    @api.autovacuum
    def _gc_forgotten(self):
        self.env.cr.execute(
            SQL(
                "DELETE FROM mirror_workshop_attempt WHERE last_failure < %s",
                fields.Datetime.now() - FORGET_AFTER,
            )
        )


class Guard:
    """The counters of one sign-in attempt, on their own cursor."""

    class Locked(Exception):
        def __init__(self, seconds, employee_id=None):
            super().__init__(seconds)
            self.seconds = seconds
            self.employee_id = employee_id

    def __init__(self, cr, user_id, kind, employee_ids, free=5, first_wait=30):
        self.cr = cr
        self.user_id = user_id
        self.kind = kind
        self.keys = [None, *employee_ids]
        self.rows = {}
        self.failed = False
        self.succeeded_employee = None
        self.free = max(int(free or 0), 1)
        self.first_wait = max(float(first_wait or 0), 1.0)

    def lock(self):
        now = fields.Datetime.now()
        for employee_id in self.keys:
            self.cr.execute(
                """
                INSERT INTO mirror_workshop_attempt
                    (user_id, employee_id, kind, failures)
                VALUES (%s, %s, %s, 0)
                ON CONFLICT (user_id, kind, COALESCE(employee_id, 0)) DO NOTHING
                """,
                [self.user_id, employee_id, self.kind],
            )
            self.cr.execute(
                """
                SELECT id, failures, last_failure, locked_until
                FROM mirror_workshop_attempt
                WHERE user_id = %s AND kind = %s AND COALESCE(employee_id, 0) = %s
                FOR UPDATE
                """,
                [self.user_id, self.kind, employee_id or 0],
            )
            row_id, failures, last, until = self.cr.fetchone()
            if last and now - last > FORGET_AFTER:
                failures, until = 0, None
            self.rows[employee_id] = [row_id, failures, until]

    def check(self):
        """Raise ``Locked`` with the seconds to wait, if a counter waits."""
        now = fields.Datetime.now()
        for employee_id, (_row, _failures, until) in self.rows.items():
            if until and until > now:
                seconds = int((until - now).total_seconds()) + 1
                raise self.Locked(seconds, employee_id)

    def fail(self):
        self.failed = True

    def succeed(self, employee_id):
        self.succeeded_employee = employee_id

    def wait_after(self, failures):
        """The wait after ``failures`` wrong attempts in a row."""
        if failures < self.free:
            return None
        seconds = self.first_wait * 2 ** min(failures - self.free, 20)
        return min(datetime.timedelta(seconds=seconds), MAX_WAIT)

    def save(self):
        now = fields.Datetime.now()
        for employee_id, (row_id, failures, _until) in self.rows.items():
            if self.failed:
                failures += 1
                wait = self.wait_after(failures)
                self.cr.execute(
                    """
                    UPDATE mirror_workshop_attempt
                    SET failures = %s, last_failure = %s, locked_until = %s
                    WHERE id = %s
                    """,
                    [failures, now, wait and now + wait, row_id],
                )
            elif employee_id and employee_id == self.succeeded_employee:
                # this employee knows their PIN: their own count starts again
                # (never the tablet's, nor another employee's)
                self.cr.execute(
                    "UPDATE mirror_workshop_attempt SET failures = 0, "
                    "locked_until = NULL WHERE id = %s",
                    [row_id],
                )
