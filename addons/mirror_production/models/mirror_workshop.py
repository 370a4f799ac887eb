# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The workshop tablet's server side (the ``mirror_workshop_tablet`` client action).

Every method checks that the user may work the shop floor (a workshop operator or
a production user), then reads and writes with the superuser: operators have no
access to orders, prices or clients, and what is sent back to the tablet is only
what a station needs (order number, size, glass, edges, drilling, drawing).
Each action is done in the name of an employee identified at the tablet by a
PIN or a badge; the token the tablet keeps for them is an HMAC of the employee
and the tablet's user.
"""

import time
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import consteq
from odoo.tools.misc import hmac

ACTIONS = ("start", "pause", "done", "broken")
# wrong PINs a tablet may enter in a row before it waits (per server process)
PIN_ATTEMPTS = 5
PIN_LOCK_SECONDS = 60
_pin_failures = {}  # (database, user id): (failures in a row, time of the last one)


class MirrorWorkshop(models.AbstractModel):
    _name = "mirror.workshop"
    _description = "Workshop Tablet"

    # -- access and operators ----------------------------------------------------

    @api.model
    def _check_access(self):
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
        return self.sudo().with_company(user.company_id)

    @api.model
    def _employee_token(self, employee):
        return hmac(self.env(su=True), "mirror_workshop", (employee.id, self.env.uid))

    @api.model
    def _employee_info(self, employee):
        return {
            "id": employee.id,
            "name": employee.name,
            "token": self._employee_token(employee),
        }

    @api.model
    def _employee(self, operator):
        """The employee of the tablet's ``operator`` ({id, token}), checked."""
        operator = operator or {}
        employee = self.env["hr.employee"].sudo().browse(operator.get("id") or [])
        if not (
            employee.exists()
            and employee.active
            and consteq(
                str(operator.get("token") or ""), self._employee_token(employee)
            )
        ):
            raise UserError(
                self.env._(
                    "Identify yourself first: enter your PIN or scan your badge."
                )
            )
        return employee

    @api.model
    def tablet_identify(self, pin=None, badge=None, employee_id=None):
        """An employee of the user's company by badge, or by their PIN (and, when
        two share a PIN, their id): ``{id, name, token}``."""
        workshop = self._check_access()
        company = workshop.env.company
        employees = workshop.env["hr.employee"].search(
            [("company_id", "in", [company.id, False])]
        )
        code = (badge or "").strip()
        pin = (pin or "").strip()
        key = (self.env.cr.dbname, self.env.uid)
        failures, last = _pin_failures.get(key, (0, 0.0))
        locked = failures >= PIN_ATTEMPTS and time.monotonic() - last < PIN_LOCK_SECONDS
        if locked and not code:
            raise UserError(
                self.env._("Too many wrong PINs: wait a minute, or scan your badge.")
            )
        if code:
            found = employees.filtered(lambda emp: emp.barcode == code)
        elif pin:
            found = employees.filtered(lambda emp: emp.pin and consteq(emp.pin, pin))
            if employee_id:
                found = found.filtered(lambda emp: emp.id == employee_id)
        else:
            found = employees.browse()
        if not found and pin and not code:
            _pin_failures[key] = (failures + 1, time.monotonic())
        elif len(found) == 1:
            _pin_failures.pop(key, None)
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
        return self._employee_info(found)

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
        """The pieces whose current step is at one of ``stations``."""
        return [
            ("current_step_id.workcenter_id", "in", stations.ids),
            ("state", "in", ("waiting", "progress")),
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
        """The company's work centers, with how many pieces wait at each."""
        workshop = self._check_access()
        stations = workshop.env["mrp.workcenter"].search(
            [("company_id", "in", [workshop.env.company.id, False])]
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
        station = self.env["mrp.workcenter"].browse(workcenter_id or []).exists()
        if not station:
            raise UserError(
                self.env._("This station no longer exists; choose your station again.")
            )
        return station

    @api.model
    def _piece_row(self, piece, station):
        line = piece.sale_line_id
        step = piece.current_step_id
        production = piece.production_id
        due = production.date_deadline or line.order_id.commitment_date
        holes = len(line.glass_hole_ids)
        cutouts = len(line.glass_cutout_ids)
        work = []
        if holes:
            work.append(self.env._("%(count)s holes", count=holes))
        if cutouts:
            work.append(self.env._("%(count)s cutouts", count=cutouts))
        at_station = step.workcenter_id == station
        return {
            "id": piece.id,
            "barcode": piece.barcode,
            "name": piece.name,
            "order": line.order_id.name or "",
            "width": int(piece.width),
            "height": int(piece.height),
            "glass": piece.material_id.display_name or "",
            "thickness": line.glass_thickness or 0.0,
            "edges": line.glass_edge_summary or "",
            "edge_codes": piece._mirror_edge_codes(),
            "work": ", ".join(work),
            "due": fields.Date.to_string(due) if due else False,
            "urgent": piece.priority == "1",
            "remake": bool(piece.remade_from_id),
            "state": piece.state,
            "here": at_station,
            "step_state": step.state if at_station else False,
            "paused": bool(at_station and step.paused),
            "step": step.display_name or "",
            "station": step.workcenter_id.name or "",
        }

    @api.model
    def tablet_queue(self, workcenter_id):
        """The station's queue: the pieces whose current step is here, in
        progress first, then remakes, urgent pieces and by due date."""
        workshop = self._check_access()
        station = workshop._station(workcenter_id)
        pieces = workshop._queue_pieces(station)
        return {
            "station": {
                "id": station.id,
                "name": station.name,
                "cutting": station in workshop._cutting_stations(),
            },
            "pieces": [workshop._piece_row(piece, station) for piece in pieces],
        }

    # -- a piece's card -------------------------------------------------------------

    @api.model
    def _find_piece(self, piece_id=None, barcode=None):
        Piece = self.env["mirror.piece"]
        code = (barcode or "").strip()
        piece = Piece.search([("barcode", "=", code)], limit=1) if code else Piece
        if not code:
            piece = Piece.browse(piece_id or []).exists()
        if not piece or piece.company_id not in (self.env.company | self.env.companies):
            raise UserError(
                self.env._(
                    "No piece with the label %(code)s. Scan the piece's label again "
                    "or pick it in the queue.",
                    code=code or piece_id,
                )
            )
        return piece

    @api.model
    def _piece_attachments(self, piece):
        """The client's files of a piece: its line's drawing, then the files
        attached to its order and to its line."""
        line = piece.sale_line_id
        drawing = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "sale.order.line"),
                ("res_id", "=", line.id),
                ("res_field", "=", "glass_drawing"),
            ]
        )
        files = self.env["ir.attachment"].search(
            [
                "|",
                "&",
                ("res_model", "=", "sale.order"),
                ("res_id", "=", line.order_id.id),
                "&",
                ("res_model", "=", "sale.order.line"),
                ("res_id", "=", line.id),
                ("res_field", "=", False),
            ]
        )
        return drawing | files

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
        self, workcenter_id, piece_id, action, operator, reason_id=None, note=None
    ):
        """Start, pause, finish (``done``) or report broken (``broken``, with a
        breakage reason) the piece's step at this station, in the name of the
        identified employee; the piece's card after it."""
        workshop = self._check_access()
        employee = workshop._employee(operator)
        station = workshop._station(workcenter_id)
        piece = workshop._find_piece(piece_id)
        if action not in ACTIONS:
            raise UserError(self.env._("Unknown action %(action)s.", action=action))
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
        piece = piece.with_context(mirror_employee_id=employee.id)
        if action == "start":
            piece.action_start()
        elif action == "pause":
            piece.action_pause()
        elif action == "done":
            piece.action_finish()
            workshop._confirm_cut_batches(piece, station)
        else:
            reason = workshop.env["mirror.breakage.reason"].browse(reason_id or [])
            if not reason.exists():
                raise UserError(
                    self.env._("Choose why the piece broke before reporting it.")
                )
            piece._mirror_report_broken(reason, note or False)
        return workshop._piece_card(piece, station)

    @api.model
    def tablet_scan(self, workcenter_id, code, operator=None, scan_done=False):
        """A scanned code: an employee's badge (``{"employee": ...}``) or a piece's
        label (``{"piece": card}``); with ``scan_done``, the piece's step at this
        station is finished at once (``{"piece": card, "done": True}``)."""
        workshop = self._check_access()
        code = (code or "").strip()
        employee = workshop.env["hr.employee"].search(
            [
                ("barcode", "=", code),
                ("company_id", "in", [workshop.env.company.id, False]),
            ],
            limit=1,
        )
        if code and employee:
            return {"employee": workshop._employee_info(employee)}
        station = workshop._station(workcenter_id)
        piece = workshop._find_piece(barcode=code)
        if scan_done:
            step = piece.current_step_id
            if step and step.workcenter_id == station:
                card = workshop.tablet_act(station.id, piece.id, "done", operator)
                return {"piece": card, "done": True}
        return {"piece": workshop._piece_card(piece, station)}

    # -- the cutting station ---------------------------------------------------------

    @api.model
    def _confirm_cut_batches(self, pieces, station):
        """Confirm the planned batches whose every piece is now cut at the table
        (their sheets leave stock and the offcuts come back as remnants)."""
        if station not in self._cutting_stations():
            return
        batches = pieces.cutting_batch_ids.filtered(
            lambda batch: batch.state == "planned"
        )
        for batch in batches:
            placed = batch.sheet_ids.placement_ids.piece_id
            if placed and all(
                piece.broken or piece.current_step_id.stage != "cutting"
                for piece in placed
            ):
                batch._mirror_confirm()

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
            [("state", "=", "planned"), ("company_id", "=", workshop.env.company.id)],
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
        if not pieces or sheet.batch_id.company_id != workshop.env.company:
            raise UserError(self.env._("This sheet has no pieces to label."))
        return pieces
