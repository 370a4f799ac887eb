/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component } from "@odoo/owl";

/**
 * How long the last tap took, from the tap to the updated screen. It renders on
 * its own, after that screen: showing the time costs the tap nothing.
 */
export class LastTap extends Component {
    static template = "mirror_production.WorkshopLastTap";
    static props = {
        // {ms}: reactive, written by the tablet once the screen is updated
        timing: Object,
    };
}
