/** @odoo-module **/
// A salesperson working in French confirms a quotation over the customer's credit limit: the web
// client tells her why it was refused (a notification with the reasons), the quotation stays a
// quotation under the credit banner, and she asks the credit controllers for a release, saying
// why; she is told it was asked, the order shows the request's state and no longer offers it.
// "adv_order_control_refusal_desktop" from the list, "adv_order_control_refusal_phone" from
// cards (header buttons in the cog menu).
import {addLayoutTours, headerButton} from "@adv_base/../tests/tours/adv_steps";

const CUSTOMER = "Tour Customer Quincaillerie";
const NOTIFICATION = ".o_notification:has(.o_notification_title:contains(Non confirmée : contrôle crédit))";

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
        trigger: ".o_form_view .o_adv_credit_banner:contains(à approuver):contains(Dépassement de)",
    },
    ...headerButton("action_confirm", "Confirm the quotation"),
    {
        content: "The refusal is on screen, with its reasons, in French",
        trigger: `${NOTIFICATION} .o_notification_content:contains(n'a pas été confirmée):contains(dépassement de):contains(400,00)`,
    },
    {
        content: "The order is still a quotation",
        trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Devis)",
    },
    {
        content: "Close the refusal",
        trigger: `${NOTIFICATION} .o_notification_close`,
        run: "click",
    },
    // Offered once the control has blocked the order: proof that the refusal was recorded.
    ...headerButton("action_adv_request_release", "Ask the credit controllers for a release"),
    {
        content: "Say why the order should go ahead",
        trigger: ".modal .o_field_widget[name=justification] textarea",
        run: "edit Le client annonce un virement vendredi",
    },
    {
        content: "Send the request",
        trigger: ".modal footer button[name=action_request]",
        run: "click",
    },
    {
        content: "She is told the controllers have it",
        trigger: ".o_notification:contains(contrôleurs crédit)",
    },
    {
        content: "The order shows the request's state",
        trigger: ".o_form_view .o_adv_release_requested:contains(Déblocage demandé le):contains(Sacha Seller)",
    },
    {
        isActive: ["desktop"],
        content: "... and no longer offers to ask again",
        trigger: ".o_form_view .o_statusbar_buttons:not(:has(button[name=action_adv_request_release]))",
    },
]);
