/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

/** The x2many list of ``root`` that holds ``record``, and its field name. */
function findList(root, record) {
    for (const [name, value] of Object.entries(root.data)) {
        if (value && Array.isArray(value.records) && value.records.includes(record)) {
            return name;
        }
    }
    return null;
}

/**
 * The pencil of a glass line on the quotation: opens the line's full
 * specification (edges per side, holes, drawing) in a dialog.
 *
 * Odoo's ``type="object"`` buttons refuse to run on a line that is not saved
 * yet ("Please save your changes first"); a manager adding a piece to a new
 * quotation would have to find the save button first. This one saves the
 * quotation as such buttons do when the quotation only changed, then opens the
 * line that was just created.
 */
export class GlassSpecButton extends Component {
    static template = "mirror_production.GlassSpecButton";
    static props = { ...standardWidgetProps };

    setup() {
        this.action = useService("action");
        this.notification = useService("notification");
        this.state = useState({ busy: false });
    }

    get visible() {
        return Boolean(this.props.record.data.glass_is_piece);
    }

    /** Save the quotation if needed; the line's id afterwards (or false). */
    async saveLine() {
        const line = this.props.record;
        const root = line.model.root;
        if (line === root) {
            return (await line.save()) && line.resId;
        }
        const fieldName = findList(root, line);
        if (!fieldName) {
            return line.resId || false;
        }
        const before = root.data[fieldName].records;
        const known = new Set(before.map((record) => record.resId).filter(Boolean));
        const position = before.filter((record) => !record.resId).indexOf(line);
        if (line.resId && !root.isNew && !(await root.isDirty())) {
            return line.resId;
        }
        if (!(await root.save())) {
            return false;
        }
        if (line.resId) {
            return line.resId;
        }
        // the new line: among the lines created by this save, at the same place
        const created = root.data[fieldName].records.filter(
            (record) => record.resId && !known.has(record.resId)
        );
        return created[position]?.resId || false;
    }

    async onClick() {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            const lineId = await this.saveLine();
            if (!lineId) {
                this.notification.add(
                    _t("Save the quotation first, then open the glass specification."),
                    { type: "warning" }
                );
                return;
            }
            const root = this.props.record.model.root;
            await this.action.doActionButton({
                type: "object",
                name: "action_glass_open_spec",
                resModel: "sale.order.line",
                resId: lineId,
                resIds: [lineId],
                context: this.props.record.context,
                onClose: () => root.load(),
            });
        } finally {
            this.state.busy = false;
        }
    }
}

export const glassSpecButton = {
    component: GlassSpecButton,
    fieldDependencies: [{ name: "glass_is_piece", type: "boolean" }],
    listViewWidth: 40,
};

registry.category("view_widgets").add("mirror_glass_spec_button", glassSpecButton);
