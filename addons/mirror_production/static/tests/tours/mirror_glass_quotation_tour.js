/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// A sales manager enters a glass piece on a new quotation; data from the Python test.
registry.category("web_tour.tours").add("mirror_glass_quotation_tour", {
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
            run: "edit Test float 4",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Test float 4 mm)",
            run: "click",
        },
        {
            content: "Width",
            trigger: ".o_data_row .o_field_widget[name=glass_width] input",
            run: "edit 1000",
        },
        {
            content: "Height",
            trigger: ".o_data_row .o_field_widget[name=glass_height] input",
            run: "edit 500",
        },
        {
            content: "Glass only: 0.5 m² × 1000",
            trigger: ".o_data_row .o_field_widget[name=price_unit] input:value(500.00)",
        },
        {
            content: "On to the edge work: the row stays open (leaving it and coming back raced the order's onchange)",
            trigger: ".o_data_row td.o_data_cell[name=glass_edge_all_id]",
            run: "click",
        },
        {
            content: "Ground edge on all sides",
            trigger: ".o_data_row .o_field_widget[name=glass_edge_all_id] input",
            run: "edit Test ground",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Test ground edge)",
            run: "click",
        },
        {
            content: "The price follows: + 3 m × 100",
            trigger: ".o_data_row .o_field_widget[name=price_unit] input:value(800.00)",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the quotation has its number",
            trigger: ".o_last_breadcrumb_item:contains(S0)",
        },
    ],
});
