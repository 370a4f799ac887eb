/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// What a manager and an operator hit first; data and window sizes from the Python
// test (TestUi).

function inViewport(element) {
    const box = element.getBoundingClientRect();
    return (
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth
    );
}

// On a phone (412 × 915), in Russian: a header of two rows, due dates in the
// user's format, and the card's buttons within reach without scrolling.
registry.category("web_tour.tours").add("mirror_phone_tablet_tour", {
    steps: () => [
        {
            content: "Choose the cutting table for this phone",
            trigger: ".o_mirror_station:contains(Test cutting table)",
            run: "click",
        },
        ...["4", "7", "1", "1"].map((key) => ({
            content: `PIN key ${key}`,
            trigger: `.o_mirror_pinpad .o_mirror_key[data-key="${key}"]`,
            run: "click",
        })),
        {
            content: "Sign in",
            trigger: ".o_mirror_pin_ok",
            run: "click",
        },
        {
            content: "Due dates read as the user writes them (Russian: 01.12.2026)",
            trigger: ".o_mirror_queue .o_mirror_row:first-child .o_mirror_row_due:contains(01.12.2026)",
        },
        {
            content: "The header is two rows, not five",
            trigger: ".o_mirror_operator:contains(Test cutter)",
            run() {
                const header = document.querySelector(".o_mirror_header");
                const height = header.getBoundingClientRect().height;
                if (height > 140) {
                    throw new Error(`The tablet's header is ${height} px high on a phone`);
                }
                if (!inViewport(document.querySelector(".o_mirror_code"))) {
                    throw new Error("The label field is off the screen");
                }
            },
        },
        {
            content: "Open the urgent piece",
            trigger: ".o_mirror_queue .o_mirror_row:first-child:contains(1000 × 500)",
            run: "click",
        },
        {
            content: "Its buttons are on the screen without scrolling, in Russian",
            trigger: ".o_mirror_card .o_mirror_start:enabled:contains(Начать)",
            run() {
                for (const name of ["start", "done", "pause", "break"]) {
                    const button = document.querySelector(`.o_mirror_card .o_mirror_${name}`);
                    if (!inViewport(button)) {
                        const box = JSON.stringify(button.getBoundingClientRect());
                        throw new Error(
                            `${name} is off the screen: ${box} (window ${window.innerWidth} × ${window.innerHeight})`
                        );
                    }
                }
                const due = document.querySelector(".o_mirror_card .o_mirror_due");
                if (!due || !due.textContent.includes("01.12.2026")) {
                    throw new Error(`The card's due date reads ${due && due.textContent}`);
                }
            },
        },
        {
            content: "Start",
            trigger: ".o_mirror_card .o_mirror_start:enabled",
            run: "click",
        },
        {
            content: "Done, without scrolling",
            trigger: ".o_mirror_card .o_mirror_done:enabled",
            run(helpers) {
                if (!inViewport(this.anchor)) {
                    throw new Error("Done is off the screen");
                }
                return helpers.click();
            },
        },
        {
            content: "Cut: it left the queue",
            trigger: ".o_mirror_queue:not(:has(.o_mirror_row:contains(Urgent)))",
        },
    ],
});

// A new quotation at 1600 px: the price follows the size as it is typed, the
// pencil of the unsaved line saves the quotation and opens the specification, and
// the glass line fits beside the chatter.
registry.category("web_tour.tours").add("mirror_glass_line_tour", {
    url: "/odoo/sales/new",
    steps: () => [
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Test glass customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Test glass customer)",
            run: "click",
        },
        {
            content: "Add a glass piece",
            trigger: ".o_field_x2many_list_row_add a:contains(Add glass piece)",
            run: "click",
        },
        {
            content: "Choose the glass",
            trigger: ".o_data_row .o_field_widget[name=glass_material_id] input",
            run: "edit Test float glass",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Test float glass)",
            run: "click",
        },
        {
            content: "Width",
            trigger: ".o_data_row .o_field_widget[name=glass_width] input",
            run: "edit 1000",
        },
        {
            content: "Height, typed: the field is not left",
            trigger: ".o_data_row .o_field_widget[name=glass_height] input",
            run: "edit 500",
        },
        {
            content: "The price follows as the height is typed: 0.5 m² × 1000",
            trigger: ".o_data_row .o_field_widget[name=price_unit] input:value(500.00)",
            run() {
                const active = document.activeElement;
                if (!active.closest(".o_field_widget[name=glass_height]")) {
                    throw new Error("The height field was left before the price followed");
                }
            },
        },
        {
            content: "Edge work",
            trigger: ".o_data_row td.o_data_cell[name=glass_edge_all_id]",
            run: "click",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=glass_edge_all_id] input",
            run: "edit Test ground",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Test ground edge)",
            run: "click",
        },
        {
            content: "The pencil of the unsaved line",
            trigger: ".o_data_row .o_mirror_glass_spec_button",
            run: "click",
        },
        {
            content: "The quotation is saved and the line's specification opens",
            trigger: ".modal .o_form_view .o_field_widget[name=glass_edge_bottom_id]",
        },
        {
            trigger: ".o_last_breadcrumb_item:contains(S0)",
        },
        {
            content: "Save the specification",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Back on the quotation: the glass line fits beside the chatter",
            trigger: "body:not(:has(.modal)) .o_field_one2many[name=order_line] .o_data_row:not(.o_selected_row) td[name=price_subtotal]:contains(800.00)",
            run() {
                const list = document.querySelector(".o_field_one2many[name=order_line]");
                const table = list.querySelector(".o_list_table");
                const scroller = table.parentElement;
                if (table.scrollWidth > scroller.clientWidth + 1) {
                    throw new Error(
                        `The glass lines scroll sideways: ${table.scrollWidth} px in ${scroller.clientWidth} px`
                    );
                }
                const subtotal = list.querySelector(".o_data_row td[name=price_subtotal]");
                if (!inViewport(subtotal)) {
                    throw new Error("The subtotal is off the screen");
                }
                for (const name of ["glass_material_id", "glass_edge_all_id"]) {
                    const cell = list.querySelector(`.o_data_row td[name=${name}]`);
                    if (cell.scrollWidth > cell.clientWidth + 1) {
                        throw new Error(`${name} is cut off: "${cell.textContent.trim()}"`);
                    }
                }
            },
        },
    ],
});
