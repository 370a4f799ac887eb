/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, markup, onMounted, onPatched, useRef } from "@odoo/owl";

/**
 * One sheet of a cutting plan as its cut map: the pieces already cut are
 * greyed out; tapping a piece waiting at the table marks it cut.
 */
export class CutMap extends Component {
    static template = "mirror_production.WorkshopCutMap";
    static props = {
        sheet: Object,
        onPiece: Function,
    };

    setup() {
        this.root = useRef("map");
        onMounted(() => this.paint());
        onPatched(() => this.paint());
    }

    get svg() {
        return markup(this.props.sheet.svg || "");
    }

    paint() {
        const byId = new Map(this.props.sheet.pieces.map((piece) => [String(piece.id), piece]));
        for (const rect of this.root.el.querySelectorAll("[data-piece]")) {
            const piece = byId.get(rect.dataset.piece);
            rect.classList.toggle("o_mirror_cut", Boolean(piece && piece.cut));
            rect.classList.toggle("o_mirror_tappable", Boolean(piece && piece.waiting));
        }
    }

    onClick(ev) {
        const rect = ev.target.closest("[data-piece]");
        if (!rect) {
            return;
        }
        const piece = this.props.sheet.pieces.find(
            (candidate) => String(candidate.id) === rect.dataset.piece
        );
        if (piece && piece.waiting && !piece.cut) {
            this.props.onPiece(piece);
        }
    }
}
