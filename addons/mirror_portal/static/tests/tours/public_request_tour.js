/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("mirror_portal_public_request", {
    url: "/glass/request",
    steps: () => [
        {
            content: "A visitor chooses the glass of a mirror",
            trigger: ".o_mirror_line:eq(0) .o_mirror_material",
            run: "selectByLabel Test float 4 mm",
        },
        {
            trigger: ".o_mirror_line:eq(0) .o_mirror_width",
            run: "edit 800",
        },
        {
            trigger: ".o_mirror_line:eq(0) .o_mirror_height",
            run: "edit 600",
        },
        {
            content: "The price on the public price list, at once",
            trigger: ".o_mirror_line:eq(0) .o_mirror_line_price .fw-bold",
        },
        {
            trigger: "input[name=name]",
            run: "edit Анна Смирнова",
        },
        {
            trigger: "input[name=phone]",
            run: "edit +7 912 345-67-89",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit Зеркало в ванную, полировка",
        },
        {
            content: "Send the request",
            trigger: ".o_mirror_public_submit",
            run: "click",
        },
        {
            content: "Thank you",
            trigger: ".o_mirror_public_thanks",
        },
    ],
});
