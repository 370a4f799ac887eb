/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component } from "@odoo/owl";
import { formatDue } from "./piece_card";

/**
 * A station's queue, one row per piece. It renders again only when the queue
 * itself changes, not on a tap's busy flag or card: the tablet keeps it under
 * the card, so going back to it shows it at once, however long it is.
 */
export class WorkshopQueue extends Component {
    static template = "mirror_production.WorkshopQueue";
    static props = {
        pieces: Array,
        onOpen: Function,
    };

    setup() {
        // luxon builds a date formatter for each date it formats (out of English,
        // a costly one): once per due date, not for every row at every render
        this.dues = new Map();
    }

    formatDue(due) {
        let text = this.dues.get(due);
        if (text === undefined) {
            text = formatDue(due);
            this.dues.set(due, text);
        }
        return text;
    }
}
