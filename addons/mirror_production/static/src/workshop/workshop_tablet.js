/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import {
    Component,
    onWillStart,
    onWillUnmount,
    reactive,
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
import { LastTap } from "./last_tap";
import { PieceCard } from "./piece_card";
import { PinPad } from "./pin_pad";
import { WorkshopQueue } from "./queue";

const STATION_KEY = "mirror_workshop.station";
const SCAN_DONE_KEY = "mirror_workshop.scan_done";
// how often the tablet checks whether its operator went away
const IDLE_CHECK_MS = 15000;

/** Resolves once the screen shows what was just put in the state. */
function painted() {
    // OWL patches the page in the next animation frame; a task queued from
    // there runs once that frame is rendered
    return new Promise((resolve) =>
        browser.requestAnimationFrame(() => browser.setTimeout(resolve))
    );
}

/**
 * The workshop tablet: a station chosen once per device, its live queue, piece
 * cards with big buttons, the cutting plan at the cutting table, and operators
 * identified by PIN or badge.
 */
export class WorkshopTablet extends Component {
    static template = "mirror_production.WorkshopTablet";
    static components = { CutMap, LastTap, PieceCard, PinPad, WorkshopQueue };
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
        });
        // the last tap's time, shown by LastTap (not read here: no render of the
        // tablet for it)
        this.timing = reactive({ ms: null });
        // the job of the call running now (see guarded)
        this.running = null;
        this.cameraSupported = isBarcodeScannerSupported();
        // scans that arrive while a call runs wait their turn, in order
        this.scanQueue = [];
        this.scanning = false;
        // the queue's loads in order: an answer older than the queue shown is dropped
        this.loads = 0;
        this.shownLoad = 0;
        this.shownRows = "[]";
        // a tap changed the queue without bringing it: the queue shown is older
        // than this load (the tap's own notification reloads it, or going back)
        this.staleSince = 0;
        // bus notifications of this tablet's own taps, whose queue it has already
        this.ownNotices = new Set();
        // notifications that came while a tap ran: theirs, or another tablet's
        this.heldNotices = null;
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
        this.onQueueChanged = (payload, { id }) => this.queueChanged(payload, id);
        this.busService.subscribe("mirror_workshop/queue", this.onQueueChanged);
        this.busService.start();
        onWillUnmount(() =>
            this.busService.unsubscribe("mirror_workshop/queue", this.onQueueChanged)
        );
    }

    call(method, ...args) {
        return this.orm.call("mirror.workshop", method, args);
    }

    callKw(method, args, kwargs) {
        return this.orm.call("mirror.workshop", method, args, kwargs);
    }

    /**
     * Run ``job`` once at a time (a tap while another runs is ignored); a
     * refused action shows its message. ``this.running`` is the running job's
     * promise, for what must wait for it.
     */
    guarded(job) {
        if (this.running) {
            return Promise.resolve();
        }
        this.state.busy = true;
        this.running = this.runJob(job).finally(() => {
            this.running = null;
            this.state.busy = false;
        });
        return this.running;
    }

    async runJob(job) {
        try {
            return await job();
        } catch (error) {
            const message = error.data?.message || error.message;
            if (error.exceptionName || error.data) {
                this.notification.add(message, { type: "danger", sticky: false });
                return;
            }
            throw error;
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
        this.showQueue(++this.loads, []);
        this.state.plans = [];
    }

    async refresh() {
        const station = this.state.station;
        if (!station) {
            return;
        }
        const load = ++this.loads;
        const jobs = [this.call("tablet_queue", station.id)];
        if (station.cutting && this.state.view === "plan") {
            // the cut maps only while they are shown: a tap stays light
            jobs.push(this.call("tablet_cutting", station.id));
        }
        const [queue, plans] = await Promise.all(jobs);
        if (this.state.station !== station) {
            return;
        }
        this.showQueue(load, queue.pieces);
        if (plans) {
            this.state.plans = plans;
        }
    }

    /** The queue of load number ``load``, unless a later one is shown already. */
    showQueue(load, pieces) {
        if (load < this.shownLoad) {
            return;
        }
        this.shownLoad = load;
        if (load > this.staleSince) {
            this.staleSince = 0;
        }
        // the same rows again (a notification that changed nothing here): no render
        const rows = JSON.stringify(pieces);
        if (rows !== this.shownRows) {
            this.shownRows = rows;
            this.state.pieces = pieces;
        }
    }

    /**
     * A station's queue changed: reload it, unless the notification is about
     * this tablet's own tap, whose answer brought the new queue already. While
     * a tap runs, notifications wait for its answer to tell.
     */
    queueChanged(payload, id) {
        const station = this.state.station;
        if (!station || !(payload.workcenter_ids || []).includes(station.id)) {
            return;
        }
        // notifications come in order: older own ones will not come any more
        for (const own of this.ownNotices) {
            if (own < id) {
                this.ownNotices.delete(own);
            }
        }
        if (this.ownNotices.delete(id)) {
            return;
        }
        if (this.heldNotices) {
            this.heldNotices.push(id);
            return;
        }
        this.refresh();
    }

    /**
     * Call ``method`` for a tap; the answer of one that changes the queue brings
     * the queue (``pieces``) and the ids of the notifications the change sends
     * (``notices``). ``show(result, load)`` puts the rest of it in the state;
     * the tap's time is taken once the screen shows it.
     */
    async tap(method, args, kwargs, show) {
        const started = performance.now();
        const load = ++this.loads;
        this.heldNotices = [];
        let result;
        try {
            result = await this.callKw(method, args, kwargs);
            for (const id of result.notices || []) {
                this.ownNotices.add(id);
            }
        } finally {
            const held = this.heldNotices.filter((id) => !this.ownNotices.delete(id));
            this.heldNotices = null;
            if (held.length) {
                // a change the answer does not bring: another tablet's, or this
                // tap's own when it leaves the queue to its notification
                this.refresh();
            }
        }
        if (result.pieces) {
            this.showQueue(load, result.pieces);
        }
        await show(result, load);
        // the tap is over (the next one may come); its time once it is on screen
        painted().then(() => {
            this.timing.ms = Math.round(performance.now() - started);
        });
        return result;
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
        while (this.running) {
            // a tap's call is running: the scan waits for it, then goes
            await this.running.catch(() => {});
        }
        await this.guarded(async () => {
            const result = await this.tap(
                "tablet_scan",
                [
                    this.state.station.id,
                    code,
                    this.state.operator,
                    this.state.scanDone && Boolean(this.state.operator),
                ],
                {},
                (result) => {
                    if (result.employee) {
                        this.state.operator = result.employee;
                    } else {
                        this.state.card = result.done ? null : result.piece;
                    }
                }
            );
            if (result.done) {
                this.notification.add(
                    _t("%(piece)s done.", { piece: result.piece.name }),
                    { type: "success" }
                );
            } else if (result.repeated) {
                this.notification.add(
                    _t(
                        "%(piece)s was just finished here: scan it again to finish its next step.",
                        { piece: result.piece.name }
                    ),
                    { type: "warning" }
                );
            }
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
        if (this.staleSince) {
            this.refresh();
        }
    }

    act(action, reasonId = null) {
        const card = this.state.card;
        // done or broken, the queue shows next: it comes with the answer; after
        // a start or a pause, the card stays and the queue reloads behind it
        const leaves = action === "done" || action === "broken";
        return this.guarded(() =>
            this.tap(
                "tablet_act",
                [this.state.station.id, card.id, action, this.state.operator, reasonId],
                // the step the card shows: refused if the piece moved on meanwhile
                { step_id: card.step_id || null, queue: leaves },
                (result, load) => {
                    if (leaves) {
                        this.state.card = null;
                    } else {
                        this.state.card = result;
                        this.staleSince = load;
                    }
                }
            )
        );
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
        const station = this.state.station;
        return this.guarded(() =>
            this.tap(
                "tablet_act",
                [station.id, piece.id, "done", this.state.operator],
                { queue: true },
                async () => {
                    // the cut maps after the cut
                    const plans = await this.call("tablet_cutting", station.id);
                    if (this.state.station === station) {
                        this.state.plans = plans;
                    }
                }
            )
        );
    }

    printLabels(sheet) {
        browser.open(`/mirror/workshop/labels/${sheet.id}`, "_blank");
    }
}

registry.category("actions").add("mirror_workshop_tablet", WorkshopTablet);
