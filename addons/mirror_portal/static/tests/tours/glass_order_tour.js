/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

// two good rows and one in centimetres, as a client's spreadsheet would have it
const CUT_LIST = [
    "Позиция;Материал;Ширина, мм;Высота, мм;Количество;Кромка",
    "Полка 1;M4;700;300;2;G",
    "Полка 2;M4;12 см;300;1;G",
    "Фасад;M4;800;450,5;1;-",
].join("\n");

function uploadCutList() {
    const input = document.querySelector(".o_mirror_upload_input");
    const transfer = new DataTransfer();
    transfer.items.add(new File([CUT_LIST], "cut-list.csv", { type: "text/csv" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

function lineSelector(index, field) {
    return `.o_mirror_line:eq(${index}) ${field}`;
}

registry.category("web_tour.tours").add("mirror_portal_glass_order", {
    url: "/my/glass/new",
    steps: () => [
        {
            content: "Choose the glass of the first piece",
            trigger: lineSelector(0, ".o_mirror_material"),
            run: "selectByLabel Test float 4 mm",
        },
        {
            content: "Its width",
            trigger: lineSelector(0, ".o_mirror_width"),
            run: "edit 1000",
        },
        {
            content: "Its height",
            trigger: lineSelector(0, ".o_mirror_height"),
            run: "edit 500",
        },
        {
            content: "The first piece is priced",
            trigger: lineSelector(0, ".o_mirror_line_price .fw-bold"),
        },
        {
            content: "The draft survives a reload",
            trigger: ".o_mirror_total:not(:empty)",
            run: "goToUrl /my/glass/new",
        },
        {
            content: "The first piece is still there",
            trigger: lineSelector(0, ".o_mirror_line_price .fw-bold"),
            run() {
                const width = document.querySelector(".o_mirror_line .o_mirror_width");
                if (width.value !== "1000") {
                    throw new Error(`the draft lost the width: ${width.value}`);
                }
            },
        },
        {
            content: "Add a second piece",
            trigger: ".o_mirror_add_line",
            run: "click",
        },
        {
            trigger: lineSelector(1, ".o_mirror_material"),
            run: "selectByLabel Test float 4 mm",
        },
        {
            trigger: lineSelector(1, ".o_mirror_width"),
            run: "edit 600",
        },
        {
            content: "A size too large is refused on its field",
            trigger: lineSelector(1, ".o_mirror_height"),
            run: "edit 90000",
        },
        {
            trigger: ".o_mirror_line_invalid .invalid-feedback",
        },
        {
            content: "Correct it",
            trigger: lineSelector(1, ".o_mirror_height"),
            run: "edit 400",
        },
        {
            trigger: ".o_mirror_lines:not(:has(.o_mirror_line_invalid))",
        },
        {
            content: "Polished on all sides, three pieces",
            trigger: lineSelector(1, ".o_mirror_quantity"),
            run: "edit 3",
        },
        {
            trigger: lineSelector(1, ".o_mirror_line_price .fw-bold"),
        },
        {
            content: "Upload a cut list with a row in centimetres",
            trigger: ".o_mirror_upload_input:not(:visible)",
            run: uploadCutList,
        },
        {
            content: "The bad row is marked with its reason",
            trigger: ".o_mirror_upload_preview .o_mirror_bad_row:contains(12 см)",
        },
        {
            trigger: ".o_mirror_upload_good:contains(2)",
        },
        {
            content: "Add the good rows",
            trigger: ".o_mirror_import",
            run: "click",
        },
        {
            content: "Four pieces, all priced",
            trigger: lineSelector(3, ".o_mirror_line_price .fw-bold"),
        },
        {
            trigger: ".o_mirror_order_reference",
            run: "edit Kitchen 12",
        },
        {
            content: "Confirm the order",
            trigger: ".o_mirror_confirm:enabled",
            run: "click",
        },
        {
            content: "The order's page, with its pieces",
            trigger: ".o_mirror_glass_line .o_mirror_piece",
        },
        {
            content: "The order is in the list",
            trigger: "body",
            run: "goToUrl /my/orders",
        },
        {
            trigger: ".o_portal_my_doc_table tr:contains(Kitchen 12), .o_portal_my_doc_table a",
        },
    ],
});
