# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import dataclasses

from odoo import Command, api, fields, models
from odoo.tools import float_round

from ..glass import routing
from ..glass.geometry import MM2_PER_M2
from .mirror_lang import in_company_lang
from .mrp_workorder import WorkcenterCapacity


class MrpProduction(models.Model):
    _inherit = "mrp.production"

    glass_line_id = fields.Many2one(
        "sale.order.line",
        "Glass line",
        compute="_compute_glass_line_id",
        store=True,
        index="btree_not_null",
        help="The order line whose glass pieces this order makes.",
    )
    glass_material_id = fields.Many2one(related="glass_line_id.glass_material_id")
    mirror_piece_ids = fields.One2many("mirror.piece", "production_id", "Pieces")
    mirror_piece_count = fields.Integer(
        "Piece count", compute="_compute_mirror_piece_count"
    )

    @api.depends("sale_line_id.glass_is_piece")
    def _compute_glass_line_id(self):
        for production in self:
            line = production.sale_line_id
            production.glass_line_id = line if line.glass_is_piece else False

    @api.depends("mirror_piece_ids")
    def _compute_mirror_piece_count(self):
        for production in self:
            production.mirror_piece_count = len(production.mirror_piece_ids)

    @api.depends("glass_line_id")
    def _compute_move_raw_ids(self):
        glass = self.filtered(lambda mo: mo.glass_line_id and mo.state == "draft")
        res = super(MrpProduction, self - glass)._compute_move_raw_ids()
        for production in glass:
            line = production.glass_line_id
            material = line.glass_material_id
            keep = production.move_raw_ids.filtered(
                lambda move, material=material: move.product_id != material
            )
            commands = [Command.link(move.id) for move in keep]
            quantity = production._glass_material_quantity()
            existing = production.move_raw_ids.filtered(
                lambda move, material=material: move.product_id == material and move.ids
            )[:1]
            if existing:
                commands.append(
                    Command.update(existing.id, {"product_uom_qty": quantity})
                )
            else:
                values = production._get_move_raw_values(
                    material, quantity, material.uom_id
                )
                commands.append(Command.create(values))
            production.move_raw_ids = commands
        return res

    @api.depends("glass_line_id")
    def _compute_workorder_ids(self):
        glass = self.filtered(lambda mo: mo.glass_line_id and mo.state == "draft")
        res = super(MrpProduction, self - glass)._compute_workorder_ids()
        # the work orders of all the lines in one create: its follow-ups (the
        # orders' states, their moves) are then computed once for the batch
        todo = glass.filtered(
            lambda mo: mo.id and not mo.workorder_ids.filtered(lambda wo: wo.ids)
        )
        self.env["mrp.workorder"].create(
            [
                values
                for production in todo
                for values in production._glass_workorder_values()
            ]
        )
        for production in glass - todo:
            if not production.workorder_ids.filtered(lambda wo: wo.ids):
                production.workorder_ids = [
                    Command.create(values)
                    for values in production._glass_workorder_values()
                ]
        return res

    def _glass_material_quantity(self):
        """m² of glass consumed: the pieces' cut area plus the waste allowance."""
        self.ensure_one()
        line = self.glass_line_id
        company = self.company_id or self.env.company
        area = line.glass_width * line.glass_height / MM2_PER_M2 * self.product_qty
        return area * (1 + company.mirror_waste_percent / 100.0)

    def _mirror_release_planned_glass(self, pieces):
        """A cutting batch consumed the glass of ``pieces`` from stock itself: their
        orders no longer plan to consume it (their raw glass moves shrink)."""
        for production in self:
            material = production.glass_material_id
            count = len(pieces.filtered(lambda p, mo=production: p.production_id == mo))
            move = production.move_raw_ids.filtered(
                lambda m, material=material: (
                    m.product_id == material and m.state not in ("done", "cancel")
                )
            )[:1]
            if not move or not count:
                continue
            # the glass of the pieces still to cut, shared out evenly: the last
            # piece cut takes what is left, rounding and all
            uncut = len(
                production.mirror_piece_ids.filtered(
                    lambda p: not p.broken and p.current_step_id.stage == "cutting"
                )
            )
            left = float_round(
                move.product_uom_qty * (1 - count / max(uncut, count)),
                precision_rounding=move.product_uom.rounding,
            )
            # the move stays (cancelling an order's raw moves may cancel the order);
            # at zero it is dropped when the order is done
            move._do_unreserve()
            move.product_uom_qty = max(0.0, left)

    def _glass_route(self):
        self.ensure_one()
        line = self.glass_line_id
        company = self.company_id or self.env.company
        cutting = company._mirror_cutting_operation()
        spec = line._glass_spec()
        spec = dataclasses.replace(spec, quantity=self.product_qty)
        # by record id: the spec's operations carry the order's currency prices
        operations = {
            operation.id: operation
            for operation in (
                line.glass_edge_bottom_id
                | line.glass_edge_right_id
                | line.glass_edge_top_id
                | line.glass_edge_left_id
                | line.glass_hole_ids.operation_id
                | line.glass_cutout_ids.operation_id
                | line.glass_operation_ids
                | cutting
            )
        }
        steps = routing.route(spec, cutting._glass_operation() if cutting else None)
        return [(operations[step.operation.key], step) for step in steps]

    def _glass_workorder_values(self):
        """Work orders of the line's route, on each operation's work center."""
        self.ensure_one()
        values = []
        for sequence, (operation, step) in enumerate(self._glass_route(), start=1):
            if not operation.workcenter_id:
                continue
            values.append(
                {
                    "name": operation.name,
                    "production_id": self.id,
                    "workcenter_id": operation.workcenter_id.id,
                    "product_uom_id": self.product_uom_id.id,
                    "sequence": sequence,
                    "mirror_operation_id": operation.id,
                    "mirror_stage": step.stage,
                    "duration_expected": step.minutes,
                    "state": "pending",
                    **self._glass_subcontract_values(operation, step),
                }
            )
        return values

    def _glass_subcontract_values(self, operation, step):
        """An external work order: its subcontractor, transport and lead time."""
        if not operation.subcontracted:
            return {}
        pieces = int(self.product_qty)
        calendar = operation.workcenter_id.resource_calendar_id
        hours_per_day = (calendar.hours_per_day if calendar else 0) or 8.0
        return {
            "mirror_subcontracted": True,
            "mirror_subcontractor_id": operation.subcontractor_id.id,
            "mirror_transport_cost": operation.transport_cost * pieces,
            "mirror_lead_days": operation.subcontract_lead_days,
            # the pieces are away for the lead time, whatever the time norm says
            "duration_expected": max(
                step.minutes, operation.subcontract_lead_days * hours_per_day * 60
            ),
        }

    def action_confirm(self):
        res = super().action_confirm()
        glass = self.filtered(lambda mo: mo.glass_line_id and mo.state == "confirmed")
        if not self.env.context.get("mirror_remake"):
            glass.filtered(lambda mo: not mo.mirror_piece_ids)._mirror_create_pieces()
        # plan the route on the work centers' capacity (working hours, queue), so the
        # order gets a realistic finish date
        if not self.env.context.get("mirror_planning"):
            to_plan = glass.filtered(lambda mo: not mo.is_planned)
            to_plan.with_context(mirror_planning=True)._mirror_plan_workorders()
        return res

    def _mirror_plan_workorders(self):
        """Plan the work orders of these just confirmed orders on the work centers'
        capacity: what ``button_plan`` does, order after order and slot for slot,
        with each work center's working time and queue read once for all of them,
        then the leaves created and the work orders written together.

        The confirmation has linked the work orders and their moves already (the
        first thing ``_plan_workorders`` does again).
        """
        workcenters = self.workorder_ids.workcenter_id
        workcenters |= workcenters.alternative_workcenter_ids
        if any(
            workcenter.resource_calendar_id and workcenter.resource_id._is_flexible()
            for workcenter in workcenters
        ):
            # flexible hours stretch the planned leaves to whole days: Odoo's own
            # planning, one work order after the other
            return self.button_plan()
        capacity = WorkcenterCapacity(self.env)
        plans = []
        for production in self:
            if not production.workorder_ids:
                production._plan_workorders()  # nothing to plan: Odoo's own way
                continue
            planned = {}
            for workorder in production.workorder_ids.filtered(
                lambda wo: not wo.needed_by_workorder_ids
            ):
                workorder._mirror_plan(capacity, planned)
            plans.append((production, planned))
        slots = [
            (workorder, slot)
            for _mo, planned in plans
            for workorder, slot in planned.items()
        ]
        leaves = self.env["resource.calendar.leaves"].create(
            [
                {
                    "name": workorder.display_name,
                    "calendar_id": slot["workcenter"].resource_calendar_id.id,
                    "date_from": slot["date_from"],
                    "date_to": slot["date_to"],
                    "resource_id": slot["workcenter"].resource_id.id,
                    "time_type": "other",
                }
                for workorder, slot in slots
            ]
        )
        for (workorder, slot), leave in zip(slots, leaves, strict=True):
            values = {"leave_id": leave.id}
            if slot["workcenter"] != workorder.workcenter_id:
                # an alternative work center finishes first
                values["workcenter_id"] = slot["workcenter"].id
                values["duration_expected"] = slot["duration_expected"]
            # (Odoo writes the unchanged work center and duration too: the same
            # values, at the cost of recomputing what depends on them)
            workorder.write(values)
        for production, _planned in plans:
            workorders = production.workorder_ids.filtered(
                lambda wo: wo.state not in ("done", "cancel")
            )
            if not workorders:
                continue
            production.with_context(force_date=True).write(
                {
                    "date_start": min(wo.leave_id.date_from for wo in workorders),
                    "date_finished": max(wo.leave_id.date_to for wo in workorders),
                }
            )

    def _mirror_create_remake(self, broken):
        """A manufacturing order of one piece to remake ``broken``, top priority.

        The order is created with its work orders in the same ``create`` (their
        values worked out on a draft copy of the remake): its dates and its
        finished move are then computed once, not again when the work orders
        come. Its piece is created with its final name, index and priority.
        """
        self.ensure_one()
        Production = self.sudo().with_context(mirror_remake=True)
        values = {
            "product_id": self.product_id.id,
            "product_qty": 1,
            "product_uom_id": self.product_uom_id.id,
            "bom_id": self.bom_id.id,
            "sale_line_id": self.sale_line_id.id,
            "origin": self.origin,
            "priority": "1",
            "company_id": self.company_id.id,
            "picking_type_id": self.picking_type_id.id,
            "location_src_id": self.location_src_id.id,
            "location_dest_id": self.location_dest_id.id,
            "procurement_group_id": self.procurement_group_id.id,
            "move_dest_ids": [Command.link(move.id) for move in self.move_dest_ids],
        }
        if self.sale_line_id.glass_is_piece:
            values["workorder_ids"] = [
                Command.create(workorder)
                for workorder in Production._mirror_remake_workorder_values(values)
            ]
        remake_mo = Production.create(values)
        remake_mo.action_confirm()
        # the name stays on the piece and its label: in the company's language
        env = in_company_lang(self, self.company_id).env
        piece = (
            self.env["mirror.piece"]
            .sudo()
            .create(
                {
                    "production_id": remake_mo.id,
                    "sale_line_id": remake_mo.glass_line_id.id,
                    "index": broken.index,
                    "remade_from_id": broken.id,
                    "priority": "1",
                    "name": env._("%(piece)s remake", piece=broken.name),
                }
            )
        )
        self.env["mirror.piece.step"].sudo().create(
            [
                {
                    "piece_id": piece.id,
                    "workorder_id": workorder.id,
                    "operation_id": workorder.mirror_operation_id.id,
                    "sequence": workorder.sequence,
                }
                for workorder in remake_mo.workorder_ids.sorted("sequence")
            ]
        )
        return piece.with_env(self.env)

    @api.model
    def _mirror_remake_workorder_values(self, values):
        """The work orders of a remake order of ``values``, worked out on a draft
        copy of it (what ``_compute_workorder_ids`` creates once it exists)."""
        draft = self.new(
            {
                key: value
                for key, value in values.items()
                if key
                in (
                    "product_id",
                    "product_qty",
                    "product_uom_id",
                    "sale_line_id",
                    "company_id",
                )
            }
        )
        return [
            {key: value for key, value in workorder.items() if key != "production_id"}
            for workorder in draft._glass_workorder_values()
        ]

    def _mirror_create_pieces(self):
        """One piece record per physical piece, with its route of steps."""
        piece_values, routes = [], []
        for production in self:
            workorders = production.workorder_ids.sorted("sequence")
            for index in range(1, int(production.product_qty) + 1):
                piece_values.append(
                    {
                        "production_id": production.id,
                        "sale_line_id": production.glass_line_id.id,
                        "index": index,
                    }
                )
                routes.append(workorders)
        pieces = self.env["mirror.piece"].create(piece_values)
        self.env["mirror.piece.step"].create(
            [
                {
                    "piece_id": piece.id,
                    "workorder_id": workorder.id,
                    "operation_id": workorder.mirror_operation_id.id,
                    "sequence": workorder.sequence,
                }
                for piece, workorders in zip(pieces, routes, strict=True)
                for workorder in workorders
            ]
        )
        return pieces

    def action_view_mirror_pieces(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "mirror_production.mirror_piece_action"
        )
        action["domain"] = [("production_id", "=", self.id)]
        return action
