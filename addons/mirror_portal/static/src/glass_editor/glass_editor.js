/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, onMounted, onWillStart, onWillUnmount, useRef, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { redirect } from "@web/core/utils/urls";

export const SIDES = ["bottom", "right", "top", "left"];
const QUOTE_DELAY = 300; // ms after the last keystroke
const LINE_FIELDS = ["material", "width", "height", "quantity", "edges", "holes", "operations"];

function newKey() {
    if (window.crypto && window.crypto.randomUUID) {
        return window.crypto.randomUUID();
    }
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export function emptyLine() {
    return {
        uid: newKey(),
        reference: "",
        material_id: "",
        width: "",
        height: "",
        quantity: 1,
        preset: "none",
        edges: { bottom: "", right: "", top: "", left: "" },
        holes: [],
        operation_ids: [],
        open: false,
    };
}

function toNumber(value) {
    const number = parseFloat(String(value ?? "").replace(",", ".").replace(/\s/g, ""));
    return Number.isFinite(number) ? number : 0;
}

/**
 * The sides' edge work of a line: its preset's, or the sides it sets itself.
 * "Long sides" are the two longer ones: bottom and top when the piece is wider
 * than it is high.
 */
export function lineEdges(line, presets) {
    const preset = presets.find((item) => item.key === line.preset);
    const edges = { bottom: false, right: false, top: false, left: false };
    if (!preset) {
        for (const side of SIDES) {
            edges[side] = parseInt(line.edges[side]) || false;
        }
    } else if (preset.sides === "all") {
        for (const side of SIDES) {
            edges[side] = preset.edge_id;
        }
    } else if (preset.sides === "long") {
        const wide = toNumber(line.width) >= toNumber(line.height);
        for (const side of wide ? ["bottom", "top"] : ["left", "right"]) {
            edges[side] = preset.edge_id;
        }
    }
    return edges;
}

export function isEmptyLine(line) {
    return !line.material_id && !String(line.width).trim() && !String(line.height).trim();
}

/** What the quote and submit routes read of a line. */
export function apiLine(line, presets) {
    return {
        reference: line.reference || "",
        material_id: parseInt(line.material_id) || false,
        width: String(line.width ?? ""),
        height: String(line.height ?? ""),
        quantity: String(line.quantity ?? "") || "1",
        edges: lineEdges(line, presets),
        holes: line.holes.map((hole) => ({
            diameter: String(hole.diameter ?? ""),
            x: String(hole.x ?? ""),
            y: String(hole.y ?? ""),
        })),
        operation_ids: line.operation_ids.map((id) => parseInt(id)).filter(Boolean),
    };
}

/** An editor line from what the routes read (an uploaded row, a sent form). */
export function uiLine(values) {
    const edges = {};
    const sides = values.edges && typeof values.edges === "object" ? values.edges : {};
    for (const side of SIDES) {
        edges[side] = sides[side] ? String(sides[side]) : "";
    }
    const holes = Array.isArray(values.holes) ? values.holes : [];
    const operations = Array.isArray(values.operation_ids) ? values.operation_ids : [];
    return {
        ...emptyLine(),
        reference: String(values.reference || ""),
        material_id: values.material_id ? String(values.material_id) : "",
        width: String(values.width ?? ""),
        height: String(values.height ?? ""),
        quantity: values.quantity || 1,
        preset: SIDES.some((side) => edges[side]) ? "custom" : "none",
        edges,
        holes: holes
            .filter((hole) => hole && typeof hole === "object")
            .map((hole) => ({
                diameter: String(hole.diameter ?? ""),
                x: String(hole.x ?? ""),
                y: String(hole.y ?? ""),
            })),
        operation_ids: operations.map((id) => parseInt(id)).filter(Boolean),
    };
}

export class GlassEditor extends Component {
    static template = "mirror_portal.GlassEditor";
    static props = ["*"];

    setup() {
        this.presets = this.props.catalog.presets || [];
        this.materials = this.props.catalog.materials || [];
        this.edgeWork = this.props.catalog.edges || [];
        this.operations = this.props.catalog.operations || [];
        this.state = useState({
            lines: [emptyLine()],
            results: {},
            total: null,
            errors: [],
            reference: "",
            note: "",
            key: newKey(),
            pricing: false,
            upload: null,
            uploading: false,
            submitting: false,
            sent: false,
        });
        this.sequence = 0;
        this.timer = null;
        this.quoted = new Map(); // what a line says -> its price and problems
        this.root = useRef("root");
        onWillStart(() => this.restoreDraft());
        onMounted(() => {
            // a form sent back with its problems keeps the pieces the visitor sent
            if (!this.restoreFromField()) {
                this.writeField();
            }
            const field = this.field;
            if (field && field.form) {
                // sent: a refused form comes back with its pieces in the field
                field.form.addEventListener("submit", () => this.clearDraft());
            }
            this.quote();
        });
        onWillUnmount(() => clearTimeout(this.timer));
    }

    // -- the draft, kept in the browser ---------------------------------------

    restoreDraft() {
        let draft = null;
        try {
            draft = JSON.parse(window.localStorage.getItem(this.props.draftKey) || "null");
        } catch {
            draft = null;
        }
        if (!draft || !Array.isArray(draft.lines) || !draft.lines.length) {
            return;
        }
        this.state.lines = draft.lines.slice(0, this.props.maxLines).map((line) => ({
            ...emptyLine(),
            ...line,
            edges: { ...emptyLine().edges, ...(line.edges || {}) },
            holes: Array.isArray(line.holes) ? line.holes : [],
            operation_ids: Array.isArray(line.operation_ids) ? line.operation_ids : [],
        }));
        this.state.reference = String(draft.reference || "");
        this.state.note = String(draft.note || "");
        this.state.key = typeof draft.key === "string" ? draft.key : newKey();
    }

    saveDraft() {
        const draft = {
            lines: this.state.lines,
            reference: this.state.reference,
            note: this.state.note,
            key: this.state.key,
        };
        try {
            window.localStorage.setItem(this.props.draftKey, JSON.stringify(draft));
        } catch {
            // a full or disabled storage: the draft lives as long as the page
        }
    }

    /** The form's field that carries the lines (the public request form). */
    get field() {
        if (!this.props.fieldName || !this.root.el) {
            return null;
        }
        const form = this.root.el.closest("form");
        return form ? form.querySelector(`input[name="${this.props.fieldName}"]`) : null;
    }

    writeField() {
        const field = this.field;
        if (field) {
            field.value = this.linesJson;
        }
    }

    restoreFromField() {
        const field = this.field;
        let lines = null;
        try {
            lines = JSON.parse((field && field.value) || "null");
        } catch {
            lines = null;
        }
        if (!Array.isArray(lines) || !lines.length) {
            return false;
        }
        this.state.lines = lines
            .filter((line) => line && typeof line === "object")
            .slice(0, this.props.maxLines)
            .map((line) => uiLine(line));
        if (!this.state.lines.length) {
            this.state.lines = [emptyLine()];
        }
        this.writeField();
        return true;
    }

    clearDraft() {
        try {
            window.localStorage.removeItem(this.props.draftKey);
        } catch {
            // nothing kept, nothing to clear
        }
    }

    // -- editing --------------------------------------------------------------

    changed() {
        // after the input's own t-model handler has written the value
        Promise.resolve().then(() => {
            this.saveDraft();
            this.writeField();
        });
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.quote(), QUOTE_DELAY);
    }

    addLine() {
        if (this.state.lines.length >= this.props.maxLines) {
            return;
        }
        this.state.lines.push(emptyLine());
        this.changed();
    }

    copyLine(index) {
        if (this.state.lines.length >= this.props.maxLines) {
            return;
        }
        const copy = JSON.parse(JSON.stringify(this.state.lines[index]));
        this.state.lines.splice(index + 1, 0, { ...copy, uid: newKey() });
        this.changed();
    }

    removeLine(index) {
        this.state.lines.splice(index, 1);
        if (!this.state.lines.length) {
            this.state.lines.push(emptyLine());
        }
        this.changed();
    }

    toggleLine(line) {
        line.open = !line.open;
        this.saveDraft();
    }

    setPreset(line, key) {
        if (key === "custom") {
            // start the sides from what the preset gave them
            const edges = lineEdges(line, this.presets);
            for (const side of SIDES) {
                line.edges[side] = edges[side] ? String(edges[side]) : "";
            }
        }
        line.preset = key;
        this.changed();
    }

    addHole(line) {
        if (line.holes.length >= this.props.maxHoles) {
            return;
        }
        line.holes.push({ diameter: "8", x: "", y: "" });
        line.open = true;
        this.changed();
    }

    removeHole(line, index) {
        line.holes.splice(index, 1);
        this.changed();
    }

    toggleOperation(line, id) {
        const index = line.operation_ids.indexOf(id);
        if (index >= 0) {
            line.operation_ids.splice(index, 1);
        } else {
            line.operation_ids.push(id);
        }
        this.changed();
    }

    // -- prices -----------------------------------------------------------------

    get filledLines() {
        return this.state.lines.filter((line) => !isEmptyLine(line));
    }

    get apiLines() {
        return this.filledLines.map((line) => apiLine(line, this.presets));
    }

    get linesJson() {
        return JSON.stringify(this.apiLines);
    }

    async quote() {
        const sequence = ++this.sequence;
        const filled = this.filledLines;
        if (!filled.length) {
            this.state.results = {};
            this.state.total = null;
            this.state.errors = [];
            return;
        }
        // a line's price depends on that line only: each is priced once for what
        // it says, so a keystroke in one line of fifty sends that line alone
        const keys = filled.map((line) => {
            const { reference, ...priced } = apiLine(line, this.presets);
            return JSON.stringify(priced);
        });
        const missing = [...new Set(keys.filter((key) => !this.quoted.has(key)))];
        let errors = [];
        if (missing.length) {
            this.state.pricing = true;
            let answer;
            try {
                answer = await rpc(this.props.quoteUrl, {
                    lines: missing.map((key) => JSON.parse(key)),
                });
            } catch {
                answer = {
                    errors: [_t("The price could not be computed: try again in a moment.")],
                };
            }
            if (sequence !== this.sequence) {
                return; // a newer quote is on its way
            }
            if (this.quoted.size > 5000) {
                this.quoted.clear();
            }
            (answer.lines || []).forEach((result, index) => {
                this.quoted.set(missing[index], result);
            });
            this.state.currency = answer.currency || this.props.currency;
            errors = answer.errors || [];
        }
        this.state.pricing = false;
        const results = {};
        let total = 0;
        filled.forEach((line, index) => {
            const result = this.quoted.get(keys[index]);
            results[line.uid] = result;
            if (result && result.valid && typeof result.subtotal === "number") {
                total += result.subtotal;
            }
        });
        this.state.results = results;
        this.state.total = this.props.pricesHidden ? null : Math.round(total * 100) / 100;
        this.state.errors = errors;
    }

    result(line) {
        return (this.state.results || {})[line.uid];
    }

    issues(line, field) {
        const result = this.result(line);
        if (!result) {
            return [];
        }
        const issues = result.issues || [];
        if (field === "") {
            return issues.filter((issue) => !LINE_FIELDS.includes(issue.field));
        }
        return issues.filter((issue) => issue.field === field);
    }

    hasIssue(line, field) {
        return this.issues(line, field).length > 0;
    }

    money(amount) {
        if (amount === null || amount === undefined) {
            return "";
        }
        const formatted = Number(amount).toLocaleString(document.documentElement.lang || undefined, {
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
        });
        return `${formatted} ${this.state.currency || this.props.currency || ""}`;
    }

    get invalidLabel() {
        return _t("%(count)s line(s) to correct", { count: this.invalidCount });
    }

    get goodRowsLabel() {
        return _t("%(count)s good row(s)", { count: this.state.upload.good });
    }

    get badRowsLabel() {
        return _t("%(count)s row(s) to correct", { count: this.state.upload.bad });
    }

    get importLabel() {
        return _t("Add the %(count)s good row(s) to the order", {
            count: this.state.upload.good,
        });
    }

    unitPriceLabel(result) {
        return _t("%(price)s per piece", { price: this.money(result.unit_price) });
    }

    get invalidCount() {
        return this.filledLines.filter((line) => {
            const result = this.result(line);
            return result && !result.valid;
        }).length;
    }

    // -- the drawing ---------------------------------------------------------------

    drawing(line) {
        const width = toNumber(line.width);
        const height = toNumber(line.height);
        if (width <= 0 || height <= 0) {
            return null;
        }
        const box = 120;
        const scale = box / Math.max(width, height);
        const w = Math.max(width * scale, 2);
        const h = Math.max(height * scale, 2);
        const x0 = 10 + (box - w) / 2;
        const y0 = 10 + (box - h) / 2;
        const edges = lineEdges(line, this.presets);
        const segments = {
            bottom: [x0, y0 + h, x0 + w, y0 + h],
            right: [x0 + w, y0, x0 + w, y0 + h],
            top: [x0, y0, x0 + w, y0],
            left: [x0, y0, x0, y0 + h],
        };
        return {
            x: x0,
            y: y0,
            w,
            h,
            sides: SIDES.filter((side) => edges[side]).map((side) => ({
                side,
                points: segments[side],
            })),
            holes: line.holes
                .map((hole) => ({
                    cx: x0 + toNumber(hole.x) * scale,
                    cy: y0 + h - toNumber(hole.y) * scale,
                    r: Math.max((toNumber(hole.diameter) / 2) * scale, 1.5),
                }))
                .filter((hole) => hole.r > 0),
            label: `${width} × ${height}`,
        };
    }

    // -- the cut-list file -------------------------------------------------------

    async onUpload(ev) {
        const file = ev.target.files && ev.target.files[0];
        ev.target.value = "";
        if (!file) {
            return;
        }
        if (file.size > this.props.maxUploadKb * 1024) {
            this.state.upload = {
                filename: file.name,
                rows: [],
                errors: [
                    _t("The file is %(size)s kB: a cut list may be up to %(max)s kB.", {
                        size: Math.ceil(file.size / 1024),
                        max: this.props.maxUploadKb,
                    }),
                ],
                good: 0,
                bad: 0,
            };
            return;
        }
        const body = new FormData();
        body.append("file", file);
        body.append("csrf_token", odoo.csrf_token);
        this.state.uploading = true;
        let preview;
        try {
            const response = await fetch(this.props.uploadUrl, { method: "POST", body });
            preview = await response.json();
        } catch {
            preview = { errors: [_t("The file could not be sent: try again.")] };
        }
        this.state.uploading = false;
        this.state.upload = {
            filename: file.name,
            rows: preview.rows || [],
            errors: preview.errors || [],
            good: preview.good || 0,
            bad: preview.bad || 0,
        };
    }

    materialName(id) {
        const material = this.materials.find((item) => item.id === id);
        return material ? material.name : "";
    }

    importRows() {
        const upload = this.state.upload;
        if (upload.errors.length) {
            return; // the whole file is wrong (e.g. in centimetres): nothing to add
        }
        const good = upload.rows.filter((row) => !row.issues.length);
        const lines = this.state.lines.filter((line) => !isEmptyLine(line));
        for (const row of good.slice(0, Math.max(this.props.maxLines - lines.length, 0))) {
            lines.push(uiLine(row.line));
        }
        this.state.lines = lines.length ? lines : [emptyLine()];
        this.state.upload = null;
        this.changed();
    }

    cancelUpload() {
        this.state.upload = null;
    }

    // -- sending -------------------------------------------------------------------

    async submit(confirm) {
        if (!this.filledLines.length || this.state.submitting) {
            return;
        }
        this.state.submitting = true;
        let answer;
        try {
            answer = await rpc(this.props.submitUrl, {
                lines: this.apiLines,
                key: this.state.key,
                confirm,
                reference: this.state.reference,
                note: this.state.note,
            });
        } catch {
            answer = { errors: [_t("The order could not be sent: try again in a moment.")] };
        }
        if (answer.order_url) {
            this.clearDraft();
            this.state.sent = true;
            redirect(answer.order_url);
            return;
        }
        this.state.submitting = false;
        this.state.errors = answer.errors || [];
        if (answer.lines) {
            const results = {};
            this.filledLines.forEach((line, index) => {
                results[line.uid] = answer.lines[index];
            });
            this.state.results = results;
        }
    }

    newOrder() {
        this.clearDraft();
        this.state.lines = [emptyLine()];
        this.state.reference = "";
        this.state.note = "";
        this.state.key = newKey();
        this.changed();
    }
}

registry.category("public_components").add("mirror_portal.glass_editor", GlassEditor);
