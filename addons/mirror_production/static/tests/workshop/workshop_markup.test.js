/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import { describe, expect, test } from "@odoo/hoot";
import { queryAll } from "@odoo/hoot-dom";
import { defineMailModels } from "@mail/../tests/mail_test_helpers";
import { mountWithCleanup } from "@web/../tests/web_test_helpers";
import { CutMap, sanitizeSvg } from "@mirror_production/workshop/cut_map";

describe.current.tags("desktop");
defineMailModels();

const PAYLOAD = '"><img src=x onerror=alert(1)>';
const HOSTILE =
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">' +
    '<rect data-piece="11" width="10" height="10" onclick="alert(1)"/>' +
    '<image href="x" onerror="alert(1)"/>' +
    "<script>alert(1)</script>" +
    '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/></foreignObject>' +
    '<a href="javascript:alert(1)"><text>link</text></a>' +
    '<text x="1" y="2">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</text>' +
    "</svg>";

function parsed(markup) {
    return new DOMParser().parseFromString(String(markup), "image/svg+xml").documentElement;
}

test("sanitizeSvg keeps the drawing and nothing that runs", () => {
    const root = parsed(sanitizeSvg(HOSTILE));
    expect(root.localName).toBe("svg");
    const names = [...root.querySelectorAll("*")].map((element) => element.localName);
    expect(names).toEqual(["rect", "text"]);
    const rect = root.querySelector("rect");
    expect(rect.getAttribute("data-piece")).toBe("11");
    expect(rect.getAttribute("width")).toBe("10");
    for (const element of [root, ...root.querySelectorAll("*")]) {
        for (const { name } of element.attributes) {
            expect(name.startsWith("on") || name.endsWith("href")).toBe(false);
        }
    }
    expect(root.querySelector("text").textContent).toBe(PAYLOAD);
});

test("sanitizeSvg gives nothing for what is not an SVG drawing", () => {
    expect(String(sanitizeSvg(PAYLOAD))).toBe("");
    expect(String(sanitizeSvg('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'))).toBe(
        ""
    );
    expect(String(sanitizeSvg(""))).toBe("");
    expect(String(sanitizeSvg(undefined))).toBe("");
});

test("CutMap shows a hostile drawing as a drawing only", async () => {
    const sheet = {
        id: 1,
        svg: HOSTILE,
        pieces: [{ id: 11, barcode: "P11", cut: false, waiting: true }],
    };
    await mountWithCleanup(CutMap, { props: { sheet, onPiece: () => {} } });
    expect(".o_mirror_cut_map_wrap rect[data-piece='11']").toHaveClass("o_mirror_tappable");
    expect(".o_mirror_cut_map_wrap img, .o_mirror_cut_map_wrap script").toHaveCount(0);
    expect(".o_mirror_cut_map_wrap foreignObject, .o_mirror_cut_map_wrap a").toHaveCount(0);
    expect(queryAll(".o_mirror_cut_map_wrap [onclick], .o_mirror_cut_map_wrap [onload]")).toEqual(
        []
    );
    expect(".o_mirror_cut_map_wrap text").toHaveText(PAYLOAD);
});
