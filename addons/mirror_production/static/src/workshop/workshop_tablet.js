/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {
    Component,
    onWillStart,
    onWillUnmount,
    useExternalListener,
    useState,
} from "@odoo/owl";
import { scanBarcode } from "@web/core/barcode/barcode_dialog";
import { isBarcodeScannerSupported } from "@web/core/barcode/barcode_video_scanner";
import { _t } from "@web/core/l10n/translation";
import { browser } from "@web/core/browser/browser";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { CutMap } from "./cut_map";
import { formatDue, PieceCard } from "./piece_card";
import { PinPad } from "./pin_pad";

const STATION_KEY = "mirror_workshop.station";
const SCAN_DONE_KEY = "mirror_workshop.scan_done";
// how often the tablet checks whether its operator went away
const IDLE_CHECK_MS = 15000;

/**
 * The workshop tablet: a station chosen once per device, its live queue, piece
 * cards with big buttons, the cutting plan at the cutting table, and operators
 * identified by PIN or badge.
 */
export class WorkshopTablet extends Component {
    static template = "mirror_production.WorkshopTablet";
    static components = { CutMap, PieceCard, PinPad };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.busService = useService("bus_service");
        this.barcode = useService("barcode");
        this.state = useState({
            stations: [],
            station: null,
            pieces: [],
            card: null,
            operator: null,
            reasons: [],
            scanDone: browser.localStorage.getItem(SCAN_DONE_KEY) === "1",
            view: "queue",
            plans: [],
            sheet: 0,
            busy: false,
            code: "",
            lastMs: null,
        });
        this.cameraSupported = isBarcodeScannerSupported();
        // scans that arrive while a call runs wait their turn, in order
        this.scanQueue = [];
        this.scanning = false;
        this.lastActivity = Date.now();
        const touched = () => {
            this.lastActivity = Date.now();
        };
        useExternalListener(browser, "pointerdown", touched, { capture: true });
        useExternalListener(browser, "keydown", touched, { capture: true });
        const idleTimer = browser.setInterval(() => this.checkIdle(), IDLE_CHECK_MS);
        onWillUnmount(() => browser.clearInterval(idleTimer));
        onWillStart(async () => {
            const [stations, reasons] = await Promise.all([
                this.call("tablet_stations"),
                this.call("tablet_reasons"),
            ]);
            this.state.stations = stations;
            this.state.reasons = reasons;
            const saved = Number(browser.localStorage.getItem(STATION_KEY));
            const station = stations.find((candidate) => candidate.id === saved);
            if (station) {
                await this.selectStation(station);
            }
        });
        useBus(this.barcode.bus, "barcode_scanned", (ev) => this.scan(ev.detail.barcode));
        this.onQueueChanged = (payload) => {
            const station = this.state.station;
            if (station && (payload.workcenter_ids || []).includes(station.id)) {
                this.refresh();
            }
        };
        this.busService.subscribe("mirror_workshop/queue", this.onQueueChanged);
        this.busService.start();
        onWillUnmount(() =>
            this.busService.unsubscribe("mirror_workshop/queue", this.onQueueChanged)
        );
    }

    formatDue(due) {
        return formatDue(due);
    }

    call(method, ...args) {
        return this.orm.call("mirror.workshop", method, args);
    }

    callKw(method, args, kwargs) {
        return this.orm.call("mirror.workshop", method, args, kwargs);
    }

    /** Run ``job`` once at a time; a refused action shows its message. */
    async guarded(job) {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            return await job();
        } catch (error) {
            const message = error.data?.message || error.message;
            if (error.exceptionName || error.data) {
                this.notification.add(message, { type: "danger", sticky: false });
                return;
            }
            throw error;
        } finally {
            this.state.busy = false;
        }
    }

    // -- station -------------------------------------------------------------------

    get cuttingStation() {
        return Boolean(this.state.station && this.state.station.cutting);
    }

    async selectStation(station) {
        browser.localStorage.setItem(STATION_KEY, String(station.id));
        this.state.station = station;
        this.state.card = null;
        this.state.view = "queue";
        await this.refresh();
    }

    changeStation() {
        browser.localStorage.removeItem(STATION_KEY);
        this.state.station = null;
        this.state.card = null;
        this.state.pieces = [];
        this.state.plans = [];
    }

    async refresh() {
        const station = this.state.station;
        if (!station) {
            return;
        }
        const jobs = [this.call("tablet_queue", station.id)];
        if (station.cutting && this.state.view === "plan") {
            // the cut maps only while they are shown: a tap stays light
            jobs.push(this.call("tablet_cutting", station.id));
        }
        const [queue, plans] = await Promise.all(jobs);
        if (this.state.station !== station) {
            return;
        }
        this.state.pieces = queue.pieces;
        if (plans) {
            this.state.plans = plans;
        }
    }

    showView(view) {
        this.state.view = view;
        return this.refresh();
    }

    toggleScanDone() {
        this.state.scanDone = !this.state.scanDone;
        browser.localStorage.setItem(SCAN_DONE_KEY, this.state.scanDone ? "1" : "0");
    }

    // -- operator ------------------------------------------------------------------

    identify(pin) {
        return this.guarded(async () => {
            this.state.operator = await this.call("tablet_identify", pin);
        });
    }

    signOut() {
        this.state.operator = null;
        this.state.card = null;
    }

    /** Sign the operator out after the company's idle time without a tap or scan. */
    checkIdle(now = Date.now()) {
        const operator = this.state.operator;
        const minutes = operator && operator.idle_minutes;
        if (minutes && now - this.lastActivity > minutes * 60000) {
            this.signOut();
            this.notification.add(
                _t("Signed out after %(minutes)s minutes without activity.", { minutes }),
                { type: "info" }
            );
        }
    }

    // -- scanning -----------------------------------------------------------------

    /** A scanned code; codes scanned while a call runs are queued, not dropped. */
    async scan(code) {
        code = (code || "").trim();
        if (!code || !this.state.station) {
            return;
        }
        this.lastActivity = Date.now();
        this.scanQueue.push(code);
        if (this.scanning) {
            return;
        }
        this.scanning = true;
        try {
            while (this.scanQueue.length) {
                await this.processScan(this.scanQueue.shift());
            }
        } finally {
            this.scanning = false;
        }
    }

    async processScan(code) {
        while (this.state.busy) {
            // a tap's call is running: the scan waits for it
            await new Promise((resolve) => browser.setTimeout(resolve, 50));
        }
        await this.guarded(async () => {
            const result = await this.call(
                "tablet_scan",
                this.state.station.id,
                code,
                this.state.operator,
                this.state.scanDone && Boolean(this.state.operator)
            );
            if (result.employee) {
                this.state.operator = result.employee;
                return;
            }
            if (result.done) {
                this.state.card = null;
                this.notification.add(
                    _t("%(piece)s done.", { piece: result.piece.name }),
                    { type: "success" }
                );
                await this.refresh();
                return;
            }
            if (result.repeated) {
                this.notification.add(
                    _t(
                        "%(piece)s was just finished here: scan it again to finish its next step.",
                        { piece: result.piece.name }
                    ),
                    { type: "warning" }
                );
            }
            this.state.card = result.piece;
        });
    }

    submitCode(ev) {
        ev.preventDefault();
        const code = this.state.code;
        this.state.code = "";
        return this.scan(code);
    }

    async scanWithCamera() {
        let code;
        try {
            code = await scanBarcode(this.env);
        } catch (error) {
            this.notification.add(error.message, { type: "warning" });
            return;
        }
        if (code) {
            await this.scan(code);
        }
    }

    // -- pieces --------------------------------------------------------------------

    openPiece(piece) {
        return this.guarded(async () => {
            this.state.card = await this.call(
                "tablet_piece",
                this.state.station.id,
                piece.id
            );
        });
    }

    closeCard() {
        this.state.card = null;
    }

    act(action, reasonId = null) {
        const card = this.state.card;
        return this.guarded(async () => {
            const started = performance.now();
            // the step the card shows: refused if the piece moved on meanwhile
            const updated = await this.callKw(
                "tablet_act",
                [this.state.station.id, card.id, action, this.state.operator, reasonId],
                { step_id: card.step_id || null }
            );
            this.state.card = action === "done" || action === "broken" ? null : updated;
            await this.refresh();
            this.state.lastMs = Math.round(performance.now() - started);
        });
    }

    // -- cutting plan ----------------------------------------------------------------

    get sheets() {
        return this.state.plans.flatMap((plan) =>
            plan.sheets.map((sheet) => ({ ...sheet, batch: plan.name, glass: plan.glass }))
        );
    }

    get currentSheet() {
        const sheets = this.sheets;
        return sheets[Math.min(this.state.sheet, sheets.length - 1)] || null;
    }

    moveSheet(step) {
        const count = this.sheets.length;
        this.state.sheet = Math.max(0, Math.min(count - 1, this.state.sheet + step));
    }

    cutPiece(piece) {
        return this.guarded(async () => {
            await this.call(
                "tablet_act",
                this.state.station.id,
                piece.id,
                "done",
                this.state.operator
            );
            await this.refresh();
        });
    }

    printLabels(sheet) {
        browser.open(`/mirror/workshop/labels/${sheet.id}`, "_blank");
    }
}

registry.category("actions").add("mirror_workshop_tablet", WorkshopTablet);
