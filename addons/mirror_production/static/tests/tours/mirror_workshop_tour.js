/* Copyright 2026 Mirror Workshop Suite contributors
 * License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl). */
import {registry} from "@web/core/registry";

// At the tablet: a piece goes start → done at the cutting table and at the edger,
// another breaks, and its remake comes first in the cutting queue. Data from the
// Python test (TestWorkshopTour).
registry.category("web_tour.tours").add("mirror_workshop_tour", {
    steps: () => [
        {
            content: "Choose the cutting table for this tablet",
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
            content: "The urgent piece heads the queue",
            trigger: ".o_mirror_operator:contains(Test cutter)",
        },
        {
            trigger: ".o_mirror_queue .o_mirror_row:first-child:contains(1000 × 500)",
            run: "click",
        },
        {
            content: "Start cutting it",
            trigger: ".o_mirror_card .o_mirror_start:enabled",
            run: "click",
        },
        {
            content: "Cut",
            trigger: ".o_mirror_card .o_mirror_done:enabled",
            run: "click",
        },
        {
            content: "Back in the queue, the urgent piece is gone",
            trigger: ".o_mirror_queue:not(:has(.o_mirror_row:contains(1000 × 500)))",
        },
        {
            content: "The tablet tells how long the tap took, to the updated screen",
            trigger: ".o_mirror_timing:contains(ms)",
        },
        {
            content: "Go to the edger",
            trigger: ".o_mirror_header button:contains(Test cutting table)",
            run: "click",
        },
        {
            trigger: ".o_mirror_station:contains(Test edger)",
            run: "click",
        },
        {
            content: "The cut piece waits at the edger, first as it is urgent",
            trigger: ".o_mirror_queue .o_mirror_row:first-child:contains(Urgent)",
            run: "click",
        },
        {
            trigger: ".o_mirror_card .o_mirror_start:enabled",
            run: "click",
        },
        {
            trigger: ".o_mirror_card .o_mirror_done:enabled",
            run: "click",
        },
        {
            content: "Edged: it left the edger's queue",
            trigger: ".o_mirror_queue:not(:has(.o_mirror_row:contains(Urgent)))",
        },
        {
            content: "Back to the cutting table",
            trigger: ".o_mirror_header button:contains(Test edger)",
            run: "click",
        },
        {
            trigger: ".o_mirror_station:contains(Test cutting table)",
            run: "click",
        },
        {
            content: "A piece breaks at the table",
            trigger: ".o_mirror_queue .o_mirror_row:first-child:contains(600 × 600)",
            run: "click",
        },
        {
            trigger: ".o_mirror_card .o_mirror_break:enabled",
            run: "click",
        },
        {
            trigger: ".o_mirror_reasons .o_mirror_reason:contains(Broke while cutting)",
            run: "click",
        },
        {
            content: "Its remake comes first in the cutting queue",
            trigger: ".o_mirror_queue .o_mirror_row.o_mirror_remake:first-child",
        },
    ],
});
