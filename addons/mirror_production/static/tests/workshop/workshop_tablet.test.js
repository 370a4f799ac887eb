/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { click, queryAll, queryFirst, waitFor } from "@odoo/hoot-dom";
import { advanceTime, animationFrame, Deferred } from "@odoo/hoot-mock";
import { defineMailModels, startServer } from "@mail/../tests/mail_test_helpers";
import {
    contains,
    getService,
    mountWithCleanup,
    onRpc,
} from "@web/../tests/web_test_helpers";
import { browser } from "@web/core/browser/browser";
import { CutMap } from "@mirror_production/workshop/cut_map";
import { PinPad } from "@mirror_production/workshop/pin_pad";
import { WorkshopTablet } from "@mirror_production/workshop/workshop_tablet";

describe.current.tags("desktop");
defineMailModels();

const STATIONS = [
    { id: 1, name: "Cutting table", code: "CT", cutting: true, queued: 2 },
    { id: 2, name: "Edger", code: "ED", cutting: false, queued: 0 },
];
const OPERATOR = { id: 7, name: "Ivan", token: "t0k3n", idle_minutes: 10 };

function row(id, extra = {}) {
    return {
        id,
        barcode: `P${id}`,
        name: `S001-1-${id}`,
        order: "S001",
        width: 1000,
        height: 500,
        glass: "Float 4 mm",
        thickness: 4,
        edges: "ground",
        edge_codes: "G G G G",
        work: "2 holes",
        due: "2026-12-01",
        urgent: false,
        remake: false,
        state: "waiting",
        here: true,
        step_state: "waiting",
        step_id: 100 + id,
        paused: false,
        step: "Cutting",
        station: "Cutting table",
        ...extra,
    };
}

function card(id, extra = {}) {
    return {
        ...row(id, extra),
        svg: '<svg xmlns="http://www.w3.org/2000/svg" class="o_test_drawing"></svg>',
        notes: ["Mirror 1000 × 500"],
        operations: [
            { id: 1, name: "Cutting", station: "Cutting table", here: true, state: "waiting" },
        ],
        attachments: [{ id: 3, name: "sketch.pdf", url: "/mirror/workshop/attachment/1/3" }],
        ...extra,
    };
}

const PLANS = [
    {
        id: 9,
        name: "CUT/0009",
        glass: "Float 4 mm",
        sheets: [
            {
                id: 21,
                name: "Sheet 1: 3210 × 2250 mm",
                svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect data-piece="2" width="10" height="10"/></svg>',
                pieces: [{ id: 2, barcode: "P2", cut: false, waiting: true }],
            },
        ],
    },
];

let queue;
let calls;

beforeEach(() => {
    browser.localStorage.clear();
    queue = [row(1, { remake: true }), row(2)];
    calls = [];
    onRpc("mirror.workshop", "tablet_stations", () => STATIONS);
    onRpc("mirror.workshop", "tablet_reasons", () => [{ id: 5, name: "Chipped edge" }]);
    onRpc("mirror.workshop", "tablet_queue", ({ args }) => {
        calls.push(["queue", ...args]);
        return { station: STATIONS[0], pieces: queue };
    });
    onRpc("mirror.workshop", "tablet_cutting", () => {
        calls.push(["cutting"]);
        return PLANS;
    });
    onRpc("mirror.workshop", "tablet_identify", ({ args }) => {
        calls.push(["identify", ...args]);
        return OPERATOR;
    });
    onRpc("mirror.workshop", "tablet_piece", ({ args }) => card(args[1]));
    onRpc("mirror.workshop", "tablet_act", ({ args, kwargs }) => {
        calls.push(["act", ...args]);
        if (kwargs.step_id) {
            calls.push(["step", kwargs.step_id]);
        }
        const piece = card(args[1], { step_state: args[2] === "start" ? "progress" : "waiting" });
        if (kwargs.queue) {
            // done or broken: the queue after it comes with the answer
            queue = queue.filter((candidate) => candidate.id !== args[1]);
            return { piece, pieces: queue, notices: [] };
        }
        return piece;
    });
    onRpc("mirror.workshop", "tablet_scan", ({ args }) => {
        calls.push(["scan", ...args]);
        return args[3] ? { piece: card(2), done: true } : { piece: card(2) };
    });
});

async function signIn() {
    await mountWithCleanup(WorkshopTablet);
    await click(".o_mirror_station:first-child");
    await animationFrame();
    for (const key of ["1", "2", "3", "4"]) {
        await click(`.o_mirror_key[data-key="${key}"]`);
    }
    await click(".o_mirror_pin_ok");
    await animationFrame();
}

test("the station is chosen once per device", async () => {
    await startServer();
    await mountWithCleanup(WorkshopTablet);
    expect(".o_mirror_station").toHaveCount(2);
    await click(".o_mirror_station:first-child");
    await animationFrame();
    expect(browser.localStorage.getItem("mirror_workshop.station")).toBe("1");
    expect(".o_mirror_pinpad").toHaveCount(1);
});

test("a remembered station opens on its queue once the operator signs in", async () => {
    await startServer();
    browser.localStorage.setItem("mirror_workshop.station", "1");
    await mountWithCleanup(WorkshopTablet);
    expect(".o_mirror_station").toHaveCount(0);
    expect(".o_mirror_pinpad").toHaveCount(1);
    for (const key of ["4", "2"]) {
        await click(`.o_mirror_key[data-key="${key}"]`);
    }
    await animationFrame();
    expect(".o_mirror_pin_display").toHaveText("••");
    await click(".o_mirror_pin_ok");
    await animationFrame();
    expect(calls).toInclude(["identify", "42"]);
    expect(".o_mirror_operator").toHaveText(/Ivan/);
    expect(".o_mirror_row").toHaveCount(2);
    expect(".o_mirror_row:first-child").toHaveClass("o_mirror_remake");
    expect(".o_mirror_row:first-child").toHaveText(/1000 × 500/);
});

test("a piece's card: drawing, route, files and big buttons", async () => {
    await startServer();
    await signIn();
    await click(".o_mirror_row:nth-child(2)");
    await animationFrame();
    expect(".o_mirror_card .o_test_drawing").toHaveCount(1);
    expect(".o_mirror_route li").toHaveCount(1);
    expect(".o_mirror_files a").toHaveAttribute("href", "/mirror/workshop/attachment/1/3");
    for (const button of queryAll(".o_mirror_actions button, .o_mirror_key, .o_mirror_close")) {
        const box = button.getBoundingClientRect();
        expect(box.height >= 48 && box.width >= 48).toBe(true, {
            message: `${button.className} is at least 48 px`,
        });
    }
    expect(".o_mirror_pause").not.toBeEnabled();
    await click(".o_mirror_start");
    await animationFrame();
    expect(calls).toInclude(["act", 1, 2, "start", OPERATOR, null]);
    // the step the card showed goes with the tap: a second tablet's tap is refused
    expect(calls).toInclude(["step", 102]);
    expect(".o_mirror_pause").toBeEnabled();
    await click(".o_mirror_break");
    await animationFrame();
    await click(".o_mirror_reason");
    await animationFrame();
    expect(calls).toInclude(["act", 1, 2, "broken", OPERATOR, 5]);
    expect(".o_mirror_card").toHaveCount(0);
});

test("scan = done finishes a piece in one scan", async () => {
    await startServer();
    await signIn();
    await click(".o_mirror_scan_done");
    await animationFrame();
    expect(browser.localStorage.getItem("mirror_workshop.scan_done")).toBe("1");
    getService("barcode").bus.trigger("barcode_scanned", {
        barcode: "P2",
        target: document.body,
    });
    await animationFrame();
    await animationFrame();
    expect(calls).toInclude(["scan", 1, "P2", OPERATOR, true]);
    expect(".o_mirror_card").toHaveCount(0);
    // typed in the label field: the card opens
    await click(".o_mirror_scan_done");
    await contains(".o_mirror_code").edit("P2", { confirm: false });
    await click(".o_mirror_header button[type=submit]");
    await animationFrame();
    expect(calls).toInclude(["scan", 1, "P2", OPERATOR, false]);
    expect(".o_mirror_card").toHaveCount(1);
});

test("the queue refreshes live through the bus", async () => {
    const pyEnv = await startServer();
    await signIn();
    const before = calls.filter((call) => call[0] === "queue").length;
    queue = [row(3, { urgent: true }), ...queue];
    pyEnv["bus.bus"]._sendone("broadcast", "mirror_workshop/queue", { workcenter_ids: [2] });
    await animationFrame();
    expect(".o_mirror_row").toHaveCount(2);
    pyEnv["bus.bus"]._sendone("broadcast", "mirror_workshop/queue", { workcenter_ids: [1] });
    await waitFor(".o_mirror_row:nth-child(3)");
    expect(".o_mirror_row:first-child").toHaveText(/Urgent/);
    expect(calls.filter((call) => call[0] === "queue").length).toBe(before + 1);
});

test("PinPad erases and submits", async () => {
    const submitted = [];
    await mountWithCleanup(PinPad, { props: { onSubmit: (pin) => submitted.push(pin) } });
    await click(".o_mirror_key[data-key='9']");
    await click(".o_mirror_key[data-key='8']");
    await click(".o_mirror_key[title='Erase']");
    await click(".o_mirror_pin_ok");
    await animationFrame();
    expect(submitted).toEqual(["9"]);
});

test("CutMap: tapping a waiting piece marks it cut, cut pieces are greyed", async () => {
    const tapped = [];
    const sheet = {
        id: 1,
        svg:
            '<svg xmlns="http://www.w3.org/2000/svg"><rect data-piece="11" width="10" height="10"/>' +
            '<rect data-piece="12" x="20" width="10" height="10"/></svg>',
        pieces: [
            { id: 11, barcode: "P11", cut: false, waiting: true },
            { id: 12, barcode: "P12", cut: true, waiting: false },
        ],
    };
    await mountWithCleanup(CutMap, { props: { sheet, onPiece: (piece) => tapped.push(piece.id) } });
    expect("rect[data-piece='12']").toHaveClass("o_mirror_cut");
    expect("rect[data-piece='11']").toHaveClass("o_mirror_tappable");
    await click(queryFirst("rect[data-piece='12']"));
    await click(queryFirst("rect[data-piece='11']"));
    expect(tapped).toEqual([11]);
});

test("the cutting plan loads when shown, and a tap on the map marks the piece cut", async () => {
    await startServer();
    await signIn();
    // the queue alone: no cut maps rendered for a tap in the queue
    expect(calls.filter((call) => call[0] === "cutting")).toEqual([]);
    await click(".o_mirror_tab_plan");
    await animationFrame();
    expect(calls.filter((call) => call[0] === "cutting")).toHaveLength(1);
    expect(".o_mirror_plan").toHaveText(/CUT\/0009/);
    expect(".o_mirror_labels").toHaveCount(1);
    await click(queryFirst(".o_mirror_cut_map_wrap rect[data-piece='2']"));
    await animationFrame();
    expect(calls).toInclude(["act", 1, 2, "done", OPERATOR]);
    expect(calls.filter((call) => call[0] === "cutting")).toHaveLength(2);
});

test("scans made while a call runs are queued, not dropped", async () => {
    await startServer();
    await signIn();
    const bus = getService("barcode").bus;
    for (const barcode of ["P1", "P2"]) {
        bus.trigger("barcode_scanned", { barcode, target: document.body });
    }
    for (let frame = 0; frame < 6; frame++) {
        await animationFrame();
    }
    const scans = calls.filter((call) => call[0] === "scan").map((call) => call[2]);
    expect(scans).toEqual(["P1", "P2"]);
});

test("the operator is signed out after the idle time", async () => {
    await startServer();
    await signIn();
    expect(".o_mirror_operator").toHaveText(/Ivan/);
    await advanceTime(9 * 60 * 1000);
    await animationFrame();
    expect(".o_mirror_pinpad").toHaveCount(0);
    // 11 minutes without a tap or a scan (the company's idle time is 10)
    await advanceTime(2 * 60 * 1000);
    await animationFrame();
    expect(".o_mirror_pinpad").toHaveCount(1);
});

test("Done brings the queue; the tablet's own notification reloads nothing", async () => {
    const pyEnv = await startServer();
    await signIn();
    onRpc("mirror.workshop", "tablet_act", ({ args }) => {
        calls.push(["act", ...args]);
        queue = queue.filter((candidate) => candidate.id !== args[1]);
        // the server sends its notification at the commit, before the answer
        const notice = pyEnv["bus.bus"].lastBusNotificationId + 1;
        pyEnv["bus.bus"]._sendone("broadcast", "mirror_workshop/queue", { workcenter_ids: [1] });
        return { piece: row(args[1]), pieces: queue, notices: [notice] };
    });
    const before = calls.filter((call) => call[0] === "queue").length;
    await click(".o_mirror_row:nth-child(2)");
    await animationFrame();
    await click(".o_mirror_done");
    for (let frame = 0; frame < 4; frame++) {
        await animationFrame();
    }
    expect(".o_mirror_card").toHaveCount(0);
    expect(".o_mirror_row").toHaveCount(1);
    expect(".o_mirror_timing").toHaveText(/\d+ ms/);
    expect(calls.filter((call) => call[0] === "queue").length).toBe(before);
    // another tablet's change still reloads the queue
    queue = [row(3, { urgent: true }), ...queue];
    pyEnv["bus.bus"]._sendone("broadcast", "mirror_workshop/queue", { workcenter_ids: [1] });
    await waitFor(".o_mirror_row:nth-child(2)");
    expect(calls.filter((call) => call[0] === "queue").length).toBe(before + 1);
});

test("a scan during a tap waits for the tap's answer, then goes", async () => {
    await startServer();
    await signIn();
    const answer = new Deferred();
    onRpc("mirror.workshop", "tablet_act", async ({ args }) => {
        calls.push(["act", ...args]);
        await answer;
        return card(args[1], { step_state: "progress" });
    });
    await click(".o_mirror_row:nth-child(2)");
    await animationFrame();
    await click(".o_mirror_start");
    getService("barcode").bus.trigger("barcode_scanned", { barcode: "P1", target: document.body });
    await advanceTime(500);
    expect(calls.filter((call) => call[0] === "scan")).toEqual([]);
    answer.resolve();
    for (let frame = 0; frame < 4; frame++) {
        await animationFrame();
    }
    const order = calls.filter((call) => ["act", "scan"].includes(call[0])).map((call) => call[0]);
    expect(order).toEqual(["act", "scan"]);
});
