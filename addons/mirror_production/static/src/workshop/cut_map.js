/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, markup, onMounted, onPatched, useRef } from "@odoo/owl";

const SVG_NS = "http://www.w3.org/2000/svg";
// what the server's drawings (cut maps, piece drawings) are made of
const SVG_TAGS = new Set([
    "svg",
    "g",
    "title",
    "rect",
    "line",
    "circle",
    "ellipse",
    "polygon",
    "polyline",
    "path",
    "text",
    "tspan",
]);
const SVG_ATTRIBUTES = new Set([
    "xmlns",
    "viewBox",
    "width",
    "height",
    "preserveAspectRatio",
    "class",
    "role",
    "aria-label",
    "style",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "transform",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "font-family",
    "font-size",
    "text-anchor",
    "dominant-baseline",
]);

function keepDrawing(element) {
    for (const child of [...element.children]) {
        if (child.namespaceURI === SVG_NS && SVG_TAGS.has(child.localName)) {
            keepDrawing(child);
        } else {
            child.remove();
        }
    }
    for (const { name } of [...element.attributes]) {
        if (!SVG_ATTRIBUTES.has(name) && !/^data-[a-z-]+$/.test(name)) {
            element.removeAttribute(name);
        }
    }
}

/**
 * A drawing from the server as markup, with nothing but drawing elements and
 * their presentation attributes: no scripts, links, embedded HTML or event
 * handlers, whatever the string holds. The server builds its drawings from
 * numbers and escaped text; this keeps a page safe should one ever be wrong.
 */
export function sanitizeSvg(source) {
    if (!source) {
        return markup("");
    }
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    const root = doc.documentElement;
    if (
        root.namespaceURI !== SVG_NS ||
        root.localName !== "svg" ||
        doc.getElementsByTagNameNS("*", "parsererror").length
    ) {
        return markup("");
    }
    keepDrawing(root);
    return markup(new XMLSerializer().serializeToString(root));
}

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
        return sanitizeSvg(this.props.sheet.svg);
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
