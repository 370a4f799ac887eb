/** @odoo-module **/
// Copyright 2026 Mirror Workshop Suite contributors
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import { useEffect } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useDebounced } from "@web/core/utils/timing";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

/**
 * A float field that sends its value to the record while the user types (after a
 * short pause), so the onchanges run at once: the glass line's price, area and
 * drawing follow the width, height and quantity as the manager types them, not
 * only when the field is left. Half-typed values that do not parse wait for the
 * next keystroke; leaving the field commits as usual.
 *
 * Options: ``delay`` (ms after the last keystroke, default 300).
 */
export class LiveFloatField extends FloatField {
    static props = {
        ...FloatField.props,
        delay: { type: Number, optional: true },
    };
    static defaultProps = {
        ...FloatField.defaultProps,
        delay: 300,
    };

    setup() {
        super.setup();
        this.commitTyped = useDebounced(this.commitTyped, this.props.delay);
        useEffect(
            (input) => {
                if (!input) {
                    return;
                }
                const onInput = () => this.commitTyped();
                input.addEventListener("input", onInput);
                return () => input.removeEventListener("input", onInput);
            },
            () => [this.inputRef.el]
        );
    }

    async commitTyped() {
        const input = this.inputRef.el;
        if (!input || this.props.readonly) {
            return;
        }
        let value;
        try {
            value = this.parse(input.value);
        } catch {
            return;
        }
        if (Number.isNaN(value) || value === this.props.record.data[this.props.name]) {
            return;
        }
        await this.props.record.update({ [this.props.name]: value });
    }
}

export const liveFloatField = {
    ...floatField,
    component: LiveFloatField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...floatField.extractProps(fieldInfo, dynamicInfo),
        delay: fieldInfo.options.delay,
    }),
};

registry.category("fields").add("mirror_live_float", liveFloatField);
