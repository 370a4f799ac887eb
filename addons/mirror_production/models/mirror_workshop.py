# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop tablet's server side (the ``mirror_workshop_tablet`` client action).

Every method checks that the user may work the shop floor (a workshop operator or
a production user), then reads and writes with the superuser, within the
companies the user may work in: operators have no access to orders, prices or
clients, and what is sent back to the tablet is only what a station needs (order
number, size, glass, edges, drilling, drawing).
Each action is done in the name of an employee identified at the tablet by a
PIN or a badge; the token the tablet keeps for them is signed, expires after a
shift, and ends when the employee's PIN or badge changes.
"""

import datetime
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq
from odoo.tools.misc import hash_sign, verify_hash_signed

from ..locking import serialize_on
from .mirror_workshop_attempt import Guard

ACTIONS = ("start", "pause", "done", "broken")
TOKEN_SCOPE = "mirror_workshop"
# a second read of the same label within this time is the scanner's double read
SCAN_REPEAT_SECONDS = 5


class MirrorWorkshop(models.AbstractModel):
    _name = "mirror.workshop"
    _description = "Workshop Tablet"

    # -- access and operators ----------------------------------------------------

    @api.model
    def _check_access(self):
        """The tablet's environment: superuser, within the user's companies."""
        user = self.env.user
        if not (
            user.has_group("mirror_production.group_mirror_operator")
            or user.has_group("mrp.group_mrp_user")
        ):
            raise AccessError(
                self.env._(
                    "Only workshop operators and production users can use the "
                    "workshop tablet."
                )
            )
        # checked against the user's companies (which sudo would not do)
        companies = self.env.companies
        return self.sudo().with_context(allowed_company_ids=companies.ids)

    @api.model
    def _employee_token(self, employee):
        hours = self.env.company.mirror_tablet_shift_hours or 12.0
        return hash_sign(
            self.env(su=True),
            TOKEN_SCOPE,
            [employee.id, self.env.uid, employee.sudo().mirror_tablet_version],
            expiration=datetime.timedelta(hours=hours),
        )

    @api.model
    def _employee_info(self, employee):
        return {
            "id": employee.id,
            "name": employee.name,
            "token": self._employee_token(employee),
            "idle_minutes": self.env.company.mirror_tablet_idle_minutes,
        }

    @api.model
    def _employee(self, operator):
        """The employee of the tablet's ``operator`` ({id, token}), checked: the
        token is this tablet's, not expired, and the employee's PIN and badge
        have not changed since."""
        operator = operator if isinstance(operator, dict) else {}
        token = operator.get("token")
        try:
            values = verify_hash_signed(self.env(su=True), TOKEN_SCOPE, token)
        except (ValueError, TypeError, AttributeError):
            values = None
        employee = self.env["hr.employee"]
        if isinstance(values, list) and len(values) == 3:
            employee_id, user_id, version = values
            employee = employee.browse(
                employee_id if isinstance(employee_id, int) else []
            ).exists()
            if not (
                employee
                and user_id == self.env.uid
                and employee.active
                and (
                    not employee.company_id or employee.company_id in self.env.companies
                )
                and version == employee.sudo().mirror_tablet_version
                and operator.get("id") in (None, employee.id)
            ):
                employee = employee.browse()
        if not employee:
            raise UserError(
                self.env._(
                    "Identify yourself first: enter your PIN or scan your badge."
                )
            )
        return employee

    @api.model
    def _employees(self):
        return self.env["hr.employee"].search(
            [("company_id", "in", [*self.env.companies.ids, False])]
        )

    @api.model
    def _locked_message(self, kind, seconds):
        if kind == "badge":
            return self.env._(
                "Too many unknown badges: wait %(seconds)s s, then scan again.",
                seconds=seconds,
            )
        return self.env._(
            "Too many wrong PINs: wait %(seconds)s s, or scan your badge.",
            seconds=seconds,
        )

    @api.model
    def tablet_identify(self, pin=None, badge=None, employee_id=None):
        """An employee of the user's companies by badge, or by their PIN (and,
        when two share a PIN, their id): ``{id, name, token, idle_minutes}``.

        Wrong PINs and unknown badges are counted per tablet account (and per
        employee when ``employee_id`` is given): past the free attempts, each
        further attempt waits twice as long as the one before.
        """
        workshop = self._check_access()
        if not all(
            value is None or isinstance(value, str) for value in (pin, badge)
        ) or not (employee_id is None or isinstance(employee_id, int)):
            raise UserError(
                self.env._("A PIN and a badge are texts, and an employee an id.")
            )
        code = (badge or "").strip()
        pin = (pin or "").strip()
        if not code and not pin:
            raise UserError(self.env._("Enter your PIN or scan your badge."))
        kind = "badge" if code else "pin"
        employees = workshop._employees()
        named = employees.filtered(lambda emp: emp.id == employee_id)
        Attempt = workshop.env["mirror.workshop.attempt"]
        locked = None
        found = employees.browse()
        with Attempt._mirror_guard(kind, named.ids if pin else []) as guard:
            try:
                guard.check()
            except Guard.Locked as error:
                locked = error
            else:
                if code:
                    found = employees.filtered(lambda emp: emp.barcode == code)
                else:
                    found = employees.filtered(
                        lambda emp: emp.pin and consteq(emp.pin, pin)
                    )
                    if employee_id:
                        found = found & named
                if len(found) == 1:
                    guard.succeed(found.id)
                elif not found:
                    guard.fail()
        if locked:
            raise UserError(self._locked_message(kind, locked.seconds))
        if len(found) != 1:
            raise UserError(
                self.env._(
                    "Unknown badge or PIN. Try again, or ask your foreman to set "
                    "your PIN or badge in Employees."
                )
                if not found
                else self.env._(
                    "This PIN belongs to several employees; scan your badge instead."
                )
            )
        return workshop._employee_info(found)

    # -- stations and queues ------------------------------------------------------

    @api.model
    def _cutting_stations(self):
        operations = (
            self.env["mirror.operation"]
            .sudo()
            .search([("category", "=", "cutting"), ("workcenter_id", "!=", False)])
        )
        return operations.workcenter_id

    @api.model
    def _queue_domain(self, stations):
        """The pieces of the user's companies whose current step is at one of
        ``stations``."""
        return [
            ("current_step_id.workcenter_id", "in", stations.ids),
            ("state", "in", ("waiting", "progress")),
            ("company_id", "in", self.env.companies.ids),
        ]

    @api.model
    def _queue_pieces(self, station):
        pieces = self.env["mirror.piece"].search(self._queue_domain(station))
        ordered = self.env["mirror.cutting.batch"]._mirror_sort_pieces(pieces)
        started = ordered.filtered(
            lambda piece: piece.current_step_id.state == "progress"
        )
        return started | (ordered - started)

    @api.model
    def tablet_stations(self):
        """The companies' work centers, with how many pieces wait at each."""
        workshop = self._check_access()
        stations = workshop.env["mrp.workcenter"].search(
            [("company_id", "in", [*workshop.env.companies.ids, False])]
        )
        cutting = workshop._cutting_stations()
        pieces = workshop.env["mirror.piece"].search(workshop._queue_domain(stations))
        queued = Counter(piece.current_step_id.workcenter_id.id for piece in pieces)
        return [
            {
                "id": station.id,
                "name": station.name,
                "code": station.code or "",
                "cutting": station in cutting,
                "queued": queued.get(station.id, 0),
            }
            for station in stations
        ]

    @api.model
    def _station(self, workcenter_id):
        if not isinstance(workcenter_id, int):
            workcenter_id = None
        station = self.env["mrp.workcenter"].browse(workcenter_id or []).exists()
        if station.company_id and station.company_id not in self.env.companies:
            station = station.browse()
        if not station:
            raise UserError(
                self.env._("This station no longer exists; choose your station again.")
            )
        return station

    @api.model
    def _line_values(self, piece):
        """What a queue row shows of the piece's order line, the same for every
        piece of the line."""
        line = piece.sale_line_id
        holes = len(line.glass_hole_ids)
        cutouts = len(line.glass_cutout_ids)
        work = []
        if holes:
            work.append(self.env._("%(count)s holes", count=holes))
        if cutouts:
            work.append(self.env._("%(count)s cutouts", count=cutouts))
        return {
            "order": line.order_id.name or "",
            "commitment": line.order_id.commitment_date,
            "width": int(line.glass_width),
            "height": int(line.glass_height),
            "thickness": line.glass_thickness or 0.0,
            "edges": line.glass_edge_summary or "",
            "edge_codes": piece._mirror_edge_codes(),
            "work": ", ".join(work),
        }

    @api.model
    def _piece_row(self, piece, station, lines=None):
        """A piece as its station's queue shows it; ``lines`` caches the values of
        the order lines over a whole queue."""
        lines = {} if lines is None else lines
        values = lines.get(piece.sale_line_id.id)
        if values is None:
            values = lines[piece.sale_line_id.id] = self._line_values(piece)
        step = piece.current_step_id
        due = piece.production_id.date_deadline or values["commitment"]
        at_station = step.workcenter_id == station
        return {
            "id": piece.id,
            "barcode": piece.barcode,
            "name": piece.name,
            "order": values["order"],
            "width": values["width"],
            "height": values["height"],
            "glass": piece.material_id.display_name or "",
            "thickness": values["thickness"],
            "edges": values["edges"],
            "edge_codes": values["edge_codes"],
            "work": values["work"],
            "due": fields.Date.to_string(due) if due else False,
            "urgent": piece.priority == "1",
            "remake": bool(piece.remade_from_id),
            "state": piece.state,
            "here": at_station,
            "step_state": step.state if at_station else False,
            "step_id": step.id if at_station else False,
            "paused": bool(at_station and step.paused),
            "step": step.display_name or "",
            "station": step.workcenter_id.name or "",
        }

    @api.model
    def _queue_rows(self, station):
        lines = {}
        return [
            self._piece_row(piece, station, lines)
            for piece in self._queue_pieces(station)
        ]

    @api.model
    def tablet_queue(self, workcenter_id):
        """The station's queue: the pieces whose current step is here, in
        progress first, then remakes, urgent pieces and by due date."""
        workshop = self._check_access()
        station = workshop._station(workcenter_id)
        return {
            "station": {
                "id": station.id,
                "name": station.name,
                "cutting": station in workshop._cutting_stations(),
            },
            "pieces": workshop._queue_rows(station),
        }

    # -- a piece's card -------------------------------------------------------------

    @api.model
    def _find_piece(self, piece_id=None, barcode=None):
        Piece = self.env["mirror.piece"]
        code = barcode.strip() if isinstance(barcode, str) else ""
        if code:
            piece = Piece.search([("barcode", "=", code)], limit=1)
        else:
            piece = Piece.browse(piece_id if isinstance(piece_id, int) else []).exists()
        if not piece or piece.company_id not in self.env.companies:
            raise UserError(
                self.env._(
                    "No piece with the label %(code)s. Scan the piece's label again "
                    "or pick it in the queue.",
                    code=code or str(piece_id or ""),
                )
            )
        return piece

    @api.model
    def _piece_attachments(self, piece):
        """The files of a piece the workshop may see: its line's drawing, then
        the files a manager gave the workshop on its line and on its order (never
        the order's own documents: quotations, signed orders, invoices)."""
        line = piece.sale_line_id
        drawing = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "sale.order.line"),
                ("res_id", "=", line.id),
                ("res_field", "=", "glass_drawing"),
            ]
        )
        return (
            drawing
            | line.glass_workshop_attachment_ids
            | line.order_id.mirror_workshop_attachment_ids
        )

    @api.model
    def _piece_card(self, piece, station):
        card = self._piece_row(piece, station)
        line = piece.sale_line_id
        steps = piece.step_ids.sorted("sequence")
        url = f"/mirror/workshop/attachment/{piece.id}"
        notes = [line.name or ""]
        if piece.remade_from_id:
            broken = piece.remade_from_id
            notes.append(
                self.env._(
                    "Remake of %(piece)s: %(reason)s",
                    piece=broken.name,
                    reason=broken.breakage_reason_id.name or "",
                )
            )
        card.update(
            {
                "svg": str(line.glass_svg or ""),
                "notes": [note for note in notes if note],
                "operations": [
                    {
                        "id": step.id,
                        "name": step.display_name,
                        "station": step.workcenter_id.name or "",
                        "here": step.workcenter_id == station,
                        "state": step.state,
                        "paused": step.paused,
                        "current": step == piece.current_step_id,
                        "worker": step.employee_id.name or "",
                    }
                    for step in steps
                ],
                "attachments": [
                    {
                        "id": attachment.id,
                        "name": attachment.name,
                        "mimetype": attachment.mimetype or "",
                        "url": f"{url}/{attachment.id}",
                    }
                    for attachment in self._piece_attachments(piece)
                ],
            }
        )
        return card

    @api.model
    def tablet_piece(self, workcenter_id, piece_id=None, barcode=None):
        """The card of a piece, by id or by its label's barcode."""
        workshop = self._check_access()
        station = workshop._station(workcenter_id)
        return workshop._piece_card(workshop._find_piece(piece_id, barcode), station)

    @api.model
    def tablet_reasons(self):
        workshop = self._check_access()
        reasons = workshop.env["mirror.breakage.reason"].search([])
        return [{"id": reason.id, "name": reason.name} for reason in reasons]

    # -- actions -----------------------------------------------------------------

    @api.model
    def tablet_act(
        self,
        workcenter_id,
        piece_id,
        action,
        operator,
        reason_id=None,
        note=None,
        step_id=None,
        queue=False,
    ):
        """Start, pause, finish (``done``) or report broken (``broken``, with a
        breakage reason) the piece's step at this station, in the name of the
        identified employee; the piece's card after it.

        ``step_id`` is the step the tablet showed: when the piece has moved on
        since (another tablet, a second tap), nothing is done.

        With ``queue``, the station's queue comes with the card, so that the
        tablet shows both after one round trip: ``{"piece": card, "pieces":
        rows, "notices": ids}`` (see :meth:`_tap_answer`); once the piece is
        done or broken here, its queue row stands for the card.
        """
        workshop = self._check_access()
        employee = workshop._employee(operator)
        station = workshop._station(workcenter_id)
        piece = workshop._find_piece(piece_id)
        if action not in ACTIONS:
            raise UserError(
                self.env._("Unknown action %(action)s.", action=str(action))
            )
        step = piece.current_step_id
        if not step or step.workcenter_id != station:
            if step:
                where = f"{step.display_name} ({step.workcenter_id.name})"
            else:
                where = self.env._("none (its route is finished)")
            raise UserError(
                self.env._(
                    "Piece %(piece)s is not at this station: its next step is "
                    "%(step)s.",
                    piece=piece.name,
                    step=where,
                )
            )
        if step_id is not None and step_id != step.id:
            shown = (
                workshop.env["mirror.piece.step"]
                .browse(step_id if isinstance(step_id, int) else [])
                .exists()
                .filtered(lambda step: step.piece_id == piece)
            )
            raise UserError(
                self.env._(
                    "Piece %(piece)s has moved on: %(shown)s is %(state)s, its step "
                    "now is %(step)s. Check the piece, then tap again.",
                    piece=piece.name,
                    shown=shown.display_name or self.env._("the step shown"),
                    state=dict(
                        shown._fields["state"]._description_selection(self.env)
                    ).get(shown.state, self.env._("no longer current")),
                    step=step.display_name,
                )
            )
        piece = piece.with_context(mirror_employee_id=employee.id)
        if action == "start":
            piece.action_start()
        elif action == "pause":
            piece.action_pause()
        elif action == "done":
            piece.action_finish()
            workshop._confirm_cut_batches(piece, station)
        else:
            reason = workshop.env["mirror.breakage.reason"].browse(
                reason_id if isinstance(reason_id, int) else []
            )
            if not reason.exists():
                raise UserError(
                    self.env._("Choose why the piece broke before reporting it.")
                )
            note = note if isinstance(note, str) else False
            piece._mirror_report_broken(reason, note or False)
        if queue and action in ("done", "broken"):
            # the piece leaves the station: its queue row says enough
            return workshop._tap_answer(workshop._piece_row(piece, station), station)
        card = workshop._piece_card(piece, station)
        return workshop._tap_answer(card, station) if queue else card

    @api.model
    def _tap_answer(self, card, station):
        """A tap's answer with the station's queue after it, and the ids of the
        bus notifications its changes send (``mirror_workshop/queue``): the
        tablet that tapped skips them, having the new queue already, while the
        other tablets reload theirs. The pre-commit hooks that send them run
        here, once everything is written, rather than at the commit."""
        rows = self._queue_rows(station)
        Bus = self.env["bus.bus"].sudo()
        last = Bus.search([], order="id desc", limit=1).id or 0
        self.env.cr.flush()
        # this transaction's snapshot: the ids above ``last`` are its own
        notices = Bus.search(
            [("id", ">", last), ("message", "like", '"mirror_workshop/queue"')]
        )
        return {"piece": card, "pieces": rows, "notices": notices.ids}

    @api.model
    def _just_done_here(self, piece, station):
        """Whether a step of ``piece`` was finished at ``station`` a moment ago."""
        since = fields.Datetime.now() - datetime.timedelta(seconds=SCAN_REPEAT_SECONDS)
        return bool(
            self.env["mirror.piece.event"].search_count(
                [
                    ("piece_id", "=", piece.id),
                    ("workcenter_id", "=", station.id),
                    ("action", "=", "done"),
                    ("date", ">=", since),
                ],
                limit=1,
            )
        )

    @api.model
    def tablet_scan(self, workcenter_id, code, operator=None, scan_done=False):
        """A scanned code: a piece's label (``{"piece": card}``) or an employee's
        badge (``{"employee": ...}``); with ``scan_done``, the piece's step at
        this station is finished at once (``{"piece": row, "done": True}``, with
        the station's queue as :meth:`tablet_act` gives it), unless a step of it
        was finished here a moment ago (the scanner read the label twice:
        ``{"piece": card, "repeated": True}``).

        Unknown codes count as wrong badges: past the free attempts, badges wait.
        """
        workshop = self._check_access()
        code = code.strip() if isinstance(code, str) else ""
        station = workshop._station(workcenter_id)
        piece = code and workshop.env["mirror.piece"].search(
            [("barcode", "=", code), ("company_id", "in", workshop.env.companies.ids)],
            limit=1,
        )
        if not piece:
            return workshop._scan_badge(code)
        if scan_done:
            step = piece.current_step_id
            if step and step.workcenter_id == station:
                if workshop._just_done_here(piece, station):
                    return {
                        "piece": workshop._piece_card(piece, station),
                        "repeated": True,
                    }
                return workshop.tablet_act(
                    station.id, piece.id, "done", operator, step_id=step.id, queue=True
                ) | {"done": True}
        return {"piece": workshop._piece_card(piece, station)}

    @api.model
    def _scan_badge(self, code):
        """A scanned code that is no piece's label: a badge, counted when unknown."""
        if not code:
            raise UserError(self.env._("The scanner sent an empty code; scan again."))
        Attempt = self.env["mirror.workshop.attempt"]
        locked = None
        employee = self.env["hr.employee"]
        with Attempt._mirror_guard("badge") as guard:
            try:
                guard.check()
            except Guard.Locked as error:
                locked = error
            else:
                employee = self._employees().filtered(lambda emp: emp.barcode == code)
                if len(employee) == 1:
                    guard.succeed(employee.id)
                else:
                    guard.fail()
        if locked:
            raise UserError(self._locked_message("badge", locked.seconds))
        if len(employee) != 1:
            raise UserError(
                self.env._(
                    "No piece with the label %(code)s. Scan the piece's label again "
                    "or pick it in the queue.",
                    code=code,
                )
            )
        return {"employee": self._employee_info(employee)}

    # -- the cutting station ---------------------------------------------------------

    @api.model
    def _confirm_cut_batches(self, pieces, station):
        """Confirm the planned batches whose every piece is now cut at the table
        (their sheets leave stock and the offcuts come back as remnants), with
        the lock and the checks of the planner's Confirm button. When a check
        refuses, the batch stays planned and its planner is told why."""
        if station not in self._cutting_stations():
            return
        batches = pieces.cutting_batch_ids.filtered(
            lambda batch: batch.state == "planned"
        )
        # the last two pieces of a batch may be cut at the same moment
        serialize_on(batches)
        for batch in batches:
            placed = batch.sheet_ids.placement_ids.piece_id
            if not placed or not all(
                piece.broken or piece.current_step_id.stage != "cutting"
                for piece in placed
            ):
                continue
            try:
                with self.env.cr.savepoint():
                    batch.action_confirm()
            except UserError as error:
                batch.message_post(
                    body=self.env._(
                        "Every piece of the plan is cut, but the batch could not be "
                        "confirmed: %(reason)s",
                        reason=error.args[0],
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    @api.model
    def tablet_cutting(self, workcenter_id):
        """The cutting plans at the table: the planned batches of the glass
        waiting here, sheet by sheet, each with its cut map and pieces."""
        workshop = self._check_access()
        station = workshop._station(workcenter_id)
        waiting = set(
            workshop.env["mirror.piece"].search(workshop._queue_domain(station)).ids
        )
        batches = workshop.env["mirror.cutting.batch"].search(
            [
                ("state", "=", "planned"),
                ("company_id", "in", workshop.env.companies.ids),
            ],
            order="id",
        )
        plans = []
        for batch in batches:
            sheets = []
            for sheet in batch.sheet_ids.sorted("sequence"):
                pieces = sheet.placement_ids.piece_id
                sheets.append(
                    {
                        "id": sheet.id,
                        "name": self.env._(
                            "Sheet %(number)s: %(width)s × %(height)s mm",
                            number=sheet.sequence,
                            width=sheet.width,
                            height=sheet.height,
                        ),
                        "remnant": bool(sheet.remnant_id),
                        "yield": sheet.yield_percent,
                        "svg": str(sheet.cut_map or ""),
                        "pieces": [
                            {
                                "id": piece.id,
                                "barcode": piece.barcode,
                                "order": piece.order_id.name or "",
                                "cut": piece.current_step_id.stage != "cutting"
                                or piece.broken,
                                "waiting": piece.id in waiting,
                            }
                            for piece in pieces
                        ],
                    }
                )
            plans.append(
                {
                    "id": batch.id,
                    "name": batch.name,
                    "glass": batch.product_id.display_name,
                    "sheets": sheets,
                }
            )
        return plans

    @api.model
    def _sheet_pieces(self, sheet_id):
        """The pieces of a cutting sheet, for its labels."""
        workshop = self._check_access()
        sheet = workshop.env["mirror.cutting.sheet"].browse(sheet_id).exists()
        pieces = sheet.placement_ids.piece_id
        if not pieces or sheet.batch_id.company_id not in workshop.env.companies:
            raise UserError(self.env._("This sheet has no pieces to label."))
        return pieces
