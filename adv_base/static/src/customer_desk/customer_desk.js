/** @odoo-module **/
// The customer desk (adv_base): find the caller in one box, then one screen of cards, one
// section per installed ADV addon (see models/adv_customer_desk.py). The screen renders the
// sections as plain data: it knows no addon.
import {Component, onWillStart, useState} from "@odoo/owl";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {useDebounced} from "@web/core/utils/timing";
import {useSetupAction} from "@web/search/action_hook";

const MODEL = "adv.customer.desk";
const CALL_PREFIX = "tel:";

export class CustomerDesk extends Component {
    static template = "adv_base.CustomerDesk";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.ui = useService("ui");
        const restored = this.props.state || {};
        this.state = useState({
            term: restored.term || "",
            results: [],
            searched: false,
            desk: null,
            partnerId: restored.partnerId || false,
            loading: false,
        });
        this.debouncedFind = useDebounced(() => this.find(), 250);
        useSetupAction({
            getLocalState: () => ({term: this.state.term, partnerId: this.state.partnerId}),
        });
        onWillStart(() => this.start(restored));
    }

    // The number of an incoming call (/adv/desk/call?number=...), as "tel:<number>".
    get callParam() {
        const action = this.props.action || {};
        const params = {...(action.context?.params || {}), ...(action.params || {})};
        const call = typeof params.call === "string" ? params.call : "";
        return call.startsWith(CALL_PREFIX) ? call.slice(CALL_PREFIX.length) : "";
    }

    get isSmall() {
        return this.ui.isSmall;
    }

    async start(restored) {
        if (restored.partnerId) {
            return this.openCustomer(restored.partnerId);
        }
        const number = this.callParam;
        if (number) {
            this.state.term = number;
            await this.find();
            if (this.state.results.length === 1) {
                await this.openCustomer(this.state.results[0].partner_id);
            }
        }
    }

    onInput(ev) {
        this.state.term = ev.target.value;
        this.debouncedFind();
    }

    async find() {
        const term = this.state.term.trim();
        this.state.results = term.length < 2 ? [] : await this.orm.call(MODEL, "find", [term]);
        this.state.searched = term.length >= 2;
        this.state.desk = null;
        this.state.partnerId = false;
    }

    async openCustomer(partnerId) {
        this.state.loading = true;
        try {
            this.state.desk = await this.orm.call(MODEL, "sections", [partnerId]);
            this.state.partnerId = partnerId;
        } finally {
            this.state.loading = false;
        }
    }

    backToResults() {
        this.state.desk = null;
        this.state.partnerId = false;
    }

    async runAction(action) {
        const result = await this.orm.call(MODEL, "run_action", [
            this.state.partnerId,
            action.key,
            action.res_id || false,
        ]);
        if (result) {
            await this.actionService.doAction(result, {
                onClose: () => this.openCustomer(this.state.partnerId),
            });
        }
    }

    openRecord(row) {
        if (!row.model || !row.id) {
            return;
        }
        this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: row.model,
            res_id: row.id,
            views: [[false, "form"]],
        });
    }
}

registry.category("actions").add("adv_customer_desk", CustomerDesk);
