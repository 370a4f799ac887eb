# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class StockMove(models.Model):
    _inherit = "stock.move"

    mirror_cutting_batch_id = fields.Many2one(
        "mirror.cutting.batch", "Cutting batch", index="btree_not_null", readonly=True
    )

    def _prepare_procurement_values(self):
        # the delivery of a glass line procures its MO: carry the line along, so the
        # MO is linked to it (sale_mrp's _prepare_mo_vals) and takes its specification
        values = super()._prepare_procurement_values()
        line = self.sale_line_id
        if line.glass_is_piece and "sale_line_id" not in values:
            values["sale_line_id"] = line.id
        return values
