/** @odoo-module **/
// A salesperson confirms a quotation over the customer's credit limit: the web client tells her
// why it was refused (a notification with the reasons), the quotation stays a quotation under the
// credit banner, and she asks the credit controllers for a release.
// "adv_order_control_refusal_desktop" from the list, "adv_order_control_refusal_phone" from cards
// (header buttons in the cog menu).
import {addLayoutTours, headerButton} from "@adv_base/../tests/tours/adv_steps";

const CUSTOMER = "Tour Customer Quincaillerie";
const NOTIFICATION = ".o_notification:has(.o_notification_title:contains(Not confirmed: credit control))";

addLayoutTours("adv_order_control_refusal", () => [
    {
        isActive: ["desktop"],
        content: "The quotation is in the list of quotations",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td[name=partner_id]`,
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The quotation is a card",
        trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER})`,
        run: "click",
    },
    {
        content: "The banner warns that the order is over the limit, before any confirmation",
        trigger: ".o_form_view .o_adv_credit_banner:contains(needs approval):contains(Over by)",
    },
    ...headerButton("action_confirm", "Confirm the quotation"),
    {
        content: "The refusal is on screen, with its reasons",
        trigger: `${NOTIFICATION} .o_notification_content:contains(was not confirmed):contains(over by):contains(400.00)`,
    },
    {
        content: "The order is still a quotation",
        trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Quotation)",
    },
    {
        content: "Under the credit banner",
        trigger: ".o_form_view .o_adv_credit_banner:contains(needs approval):contains(Over by)",
    },
    {
        content: "Close the refusal",
        trigger: `${NOTIFICATION} .o_notification_close`,
        run: "click",
    },
    // Offered once the control has blocked the order: proof that the refusal was recorded.
    ...headerButton("action_adv_request_release", "Ask the credit controllers for a release"),
    {
        content: "The credit controllers have a release to decide",
        trigger: ".o-mail-Activity:contains(Credit release)",
    },
]);
