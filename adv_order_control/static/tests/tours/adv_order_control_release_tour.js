/** @odoo-module **/
// A credit controller releases a blocked order from the Blocked orders worklist:
// "adv_order_control_release_desktop" from a list, "adv_order_control_release_phone" from cards;
// the form is the same.
import {addLayoutTours, releaseCreditCheck} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours("adv_order_control_release", () => [
    {
        isActive: ["desktop"],
        content: "The blocked order is in the list",
        trigger: ".o_list_view .o_data_row:contains(Tour Customer Bricolage) td[name=partner_id]",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The blocked order is a card",
        trigger: ".o_kanban_view .o_kanban_record:contains(Tour Customer Bricolage)",
        run: "click",
    },
    ...releaseCreditCheck("Deposit received by wire"),
]);
