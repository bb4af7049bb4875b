/** @odoo-module **/
// A customer calls (the incoming-call URL opens the desk on their number): the ADV assistant
// sees the order and tells its expected date, sends the order status by e-mail and logs the
// call, without leaving the desk. "adv_customer_desk_desktop": sections side by side;
// "adv_customer_desk_phone": one column of cards (each fails at the other's size).
import {addLayoutTours, withStepBudget} from "@adv_base/../tests/tours/adv_steps";

const ORDERS = ".o_adv_desk_section[data-key=orders]";
const CALLS = ".o_adv_desk_section[data-key=interactions]";

addLayoutTours("adv_customer_desk", () =>
    withStepBudget(
        [
            {
                content: "The call opened the caller's customer",
                trigger: ".o_adv_desk_customer_name:contains(Carrelages Vernet)",
            },
            {
                isActive: ["desktop"],
                content: "On a desktop the sections sit side by side",
                trigger: ".o_adv_desk_desktop .o_adv_desk_sections",
            },
            {
                isActive: ["mobile"],
                content: "On a phone the sections are one column of cards",
                trigger: ".o_adv_desk_phone .o_adv_desk_sections .o_adv_desk_card",
            },
            {
                content: "The caller's mobile is one tap away",
                trigger: "a.o_adv_desk_tel[href='tel:+33639981234']",
            },
            {
                content: "The order's line is late: expected D+15 (J+15 in French)",
                trigger: `${ORDERS} .o_adv_desk_card:contains(PO-VERNET-778) .o_adv_desk_line .badge.text-bg-danger:contains(J+15)`,
            },
            {
                content: "E-mail the order status",
                trigger: `${ORDERS} button[data-action=order_status]`,
                run: "click",
            },
            {
                content: "The e-mail lists the order, in French",
                trigger: ".modal .o_field_widget[name=body]:contains(PO-VERNET-778):contains(Prévue le)",
            },
            {
                content: "Send it",
                trigger: ".modal .o_mail_send:enabled",
                run: "click",
            },
            {
                content: "The e-mail is among the last interactions",
                trigger: `${CALLS}:contains(état de vos commandes)`,
            },
            {
                content: "Log the call",
                trigger: ".o_adv_desk_customer button[data-action=log_call]",
                run: "click",
            },
            {
                content: "What was said",
                trigger: ".modal .o_field_widget[name=note] textarea",
                run: "edit Date de livraison donnée, statut envoyé",
            },
            {
                content: "Log it",
                trigger: ".modal button[name=action_log]",
                run: "click",
            },
            {
                content: "The call is among the last interactions",
                trigger: `${CALLS}:contains(Date de livraison donnée, statut envoyé)`,
            },
        ],
        5
    )
);
