/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { beforeEach, describe, expect, test } from "@odoo/hoot";
import { click } from "@odoo/hoot-dom";
import { animationFrame } from "@odoo/hoot-mock";
import { defineMailModels, startServer } from "@mail/../tests/mail_test_helpers";
import { defineParams, mountWithCleanup, onRpc } from "@web/../tests/web_test_helpers";
import { browser } from "@web/core/browser/browser";
import { WorkshopTablet } from "@mirror_production/workshop/workshop_tablet";

describe.current.tags("desktop");
defineMailModels();

const STATION = { id: 1, name: "Cutting table", code: "CT", cutting: false, queued: 1 };
const PIECE = {
    id: 1,
    barcode: "P1",
    name: "S001-1-1",
    order: "S001",
    width: 1000,
    height: 500,
    glass: "Float 4 mm",
    thickness: 4,
    edges: "",
    edge_codes: "",
    work: "",
    due: "2026-12-01",
    urgent: false,
    remake: false,
    state: "waiting",
    here: true,
    step_state: "waiting",
    paused: false,
    step: "Cutting",
    station: "Cutting table",
};

beforeEach(() => {
    browser.localStorage.clear();
    onRpc("mirror.workshop", "tablet_stations", () => [STATION]);
    onRpc("mirror.workshop", "tablet_reasons", () => []);
    onRpc("mirror.workshop", "tablet_queue", () => ({ station: STATION, pieces: [PIECE] }));
    onRpc("mirror.workshop", "tablet_identify", () => ({ id: 7, name: "Ivan", token: "t" }));
    onRpc("mirror.workshop", "tablet_piece", () => ({
        ...PIECE,
        svg: "",
        notes: [],
        operations: [],
        attachments: [],
    }));
});

test("due dates read in the user's date format, not as ISO dates", async () => {
    defineParams({ lang_parameters: { date_format: "%d.%m.%Y" } });
    await startServer();
    await mountWithCleanup(WorkshopTablet);
    await click(".o_mirror_station");
    await animationFrame();
    for (const key of ["1", "2"]) {
        await click(`.o_mirror_key[data-key="${key}"]`);
    }
    await click(".o_mirror_pin_ok");
    await animationFrame();
    expect(".o_mirror_row_due").toHaveText("01.12.2026");
    expect(".o_mirror_row").not.toHaveText(/2026-12-01/);
    await click(".o_mirror_row");
    await animationFrame();
    expect(".o_mirror_card .o_mirror_due").toHaveText(/01\.12\.2026/);
});
