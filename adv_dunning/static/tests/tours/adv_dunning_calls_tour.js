/** @odoo-module **/
// Today's calls on a phone ("adv_dunning_calls_phone"): the collector records the customer's
// payment promise from the card.
import {addLayoutTours} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours(
    "adv_dunning_calls",
    () => [
        {
            content: "The customer to call is a card with a call button",
            trigger: ".o_kanban_record:contains(Tour Customer Carrelage) a.o_adv_call_phone[href^='tel:']",
        },
        {
            content: "Record the outcome",
            trigger: ".o_kanban_record:contains(Tour Customer Carrelage) button.o_adv_call_outcome",
            run: "click",
        },
        {
            content: "A promise, for the amount due",
            trigger: ".modal .o_field_widget[name=promise_amount] input:value(1,500.00)",
        },
        {
            content: "Promised for",
            trigger: ".modal .o_field_widget[name=promise_date] input",
            run: "edit 12/31/2099",
        },
        {
            content: "What the customer said",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit Transfer ordered by the accountant",
        },
        {
            content: "Record",
            trigger: ".modal button.o_adv_call_record",
            run: "click",
        },
        {
            content: "The call is done: the card is gone",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(Tour Customer Carrelage)))",
        },
    ],
    ["phone"]
);
