# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import time

from odoo import api, fields, models, modules

from ..cutting import MM2_PER_M2

RUN_STATES = [
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "No plan"),
]


class MirrorCuttingRun(models.Model):
    """One background optimization of a cutting batch, with its progress.

    The job writes the progress through a cursor of its own, committed at once, so
    the planner sees it while the job's own transaction is still open; that
    transaction never writes these rows, so the two never conflict.
    """

    _name = "mirror.cutting.run"
    _description = "Cutting Optimization Run"
    _order = "id desc"

    batch_id = fields.Many2one(
        "mirror.cutting.batch", required=True, ondelete="cascade", index=True
    )
    state = fields.Selection(RUN_STATES, default="running", required=True)
    time_limit = fields.Float("Time limit (s)")
    progress = fields.Float("Progress (%)", digits=(5, 1))
    best_loss = fields.Float("Best loss (m²)", digits=(12, 3))
    yield_percent = fields.Float("Yield (%)", digits=(5, 1))
    sheet_count = fields.Integer("Sheets")
    seconds = fields.Float("Search time (s)", digits=(8, 1))
    message = fields.Char()
    job_uuid = fields.Char("Job", readonly=True, index=True)
    job_state = fields.Char(compute="_compute_job_state")

    @api.depends("job_uuid")
    def _compute_job_state(self):
        jobs = {
            job.uuid: job
            for job in self.env["queue.job"]
            .sudo()
            .search(
                [("uuid", "in", [uuid for uuid in self.mapped("job_uuid") if uuid])]
            )
        }
        for run in self:
            job = jobs.get(run.job_uuid)
            run.job_state = (
                dict(job._fields["state"]._description_selection(self.env))[job.state]
                if job
                else False
            )

    def _mirror_side_write(self, values):
        """Write on a cursor of its own, committed at once (see the class doc).

        Under tests everything happens in the test's one transaction, which a
        cursor of its own could neither see nor be allowed to commit.
        """
        self.ensure_one()
        if modules.module.current_test:
            self.write(values)
            return
        with self.env.registry.cursor() as cr:
            env = self.env(cr=cr)
            self.with_env(env).write(values)
            env.flush_all()  # before the commit, while this environment lives
        self.invalidate_recordset(list(values))

    def _mirror_progress_callback(self):
        """``progress(fraction, loss)`` for the optimizer, at most twice a second."""
        last = [0.0]

        def progress(fraction, loss):
            now = time.monotonic()
            if now - last[0] < 0.5 and fraction < 1.0:
                return
            last[0] = now
            self._mirror_side_write(
                {
                    "progress": 100.0 * fraction,
                    "best_loss": (loss or 0) / MM2_PER_M2,
                }
            )

        return progress

    def _mirror_finish(self, success, message=False, result=None):
        values = {
            "state": "done" if success else "failed",
            "progress": 100.0,
            "message": message or False,
        }
        if result is not None:
            values.update(
                {
                    "best_loss": result.loss / MM2_PER_M2,
                    "yield_percent": 100.0 * result.yield_ratio,
                    "sheet_count": len(result.sheets),
                    "seconds": result.seconds,
                }
            )
        self._mirror_side_write(values)
