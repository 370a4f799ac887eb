/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, useState } from "@odoo/owl";
import { deserializeDate, formatDate } from "@web/core/l10n/dates";
import { sanitizeSvg } from "./cut_map";

/** A due date from the server ("2026-12-01") in the user's date format. */
export function formatDue(due) {
    return due ? formatDate(deserializeDate(due)) : "";
}

/**
 * A piece at the station: its drawing, size, glass, edges and drilling, its
 * route, notes and the client's files, and the big buttons.
 */
export class PieceCard extends Component {
    static template = "mirror_production.WorkshopPieceCard";
    static props = {
        card: Object,
        reasons: Array,
        busy: { type: Boolean, optional: true },
        onAction: Function,
        onClose: Function,
    };

    setup() {
        this.state = useState({ breaking: false });
    }

    get drawing() {
        return sanitizeSvg(this.props.card.svg);
    }

    formatDue(due) {
        return formatDue(due);
    }

    get canStart() {
        return this.props.card.here && this.props.card.step_state === "waiting";
    }

    get canPause() {
        return this.props.card.here && this.props.card.step_state === "progress";
    }

    get canFinish() {
        return this.props.card.here && Boolean(this.props.card.step_state);
    }

    act(action, reasonId = null) {
        this.state.breaking = false;
        return this.props.onAction(action, reasonId);
    }
}
