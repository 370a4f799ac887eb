/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { Component, useState } from "@odoo/owl";

/**
 * Big digit keys for an operator's PIN (gloves welcome); a badge scan works too
 * (the tablet listens to the scanner).
 */
export class PinPad extends Component {
    static template = "mirror_production.WorkshopPinPad";
    static props = {
        onSubmit: Function,
        busy: { type: Boolean, optional: true },
    };

    setup() {
        this.state = useState({ pin: "" });
        this.keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    }

    get masked() {
        return "•".repeat(this.state.pin.length);
    }

    press(key) {
        if (this.state.pin.length < 12) {
            this.state.pin += key;
        }
    }

    erase() {
        this.state.pin = this.state.pin.slice(0, -1);
    }

    async submit() {
        const pin = this.state.pin;
        this.state.pin = "";
        if (pin) {
            await this.props.onSubmit(pin);
        }
    }
}
