/** @odoo-module **/
// Today's calls, in French, on a desktop and on a phone ("adv_dunning_calls_desktop",
// "adv_dunning_calls_phone"): the card says whom to call, where, about which invoices and how
// late; the customer who already promised to pay is not there; the collector records the
// customer's payment promise from the card within a budget of taps, and is told it was recorded.
import {stepsForLayout, withStepBudget} from "@adv_base/../tests/tours/adv_steps";
import {registry} from "@web/core/registry";

export const PROMISE_BUDGET = 4;
const CARD = ".o_kanban_record:contains(Tour Customer Carrelage)";

for (const layout of ["desktop", "phone"]) {
    registry.category("web_tour.tours").add(`adv_dunning_calls_${layout}`, {
        steps: () =>
            withStepBudget(
                stepsForLayout(layout, [
                    {
                        content: "Today's calls, in French",
                        trigger: ".o_breadcrumb:contains(Appels du jour)",
                    },
                    {
                        content: "The customer who promised to pay is not to be called",
                        trigger: `.o_kanban_view:has(${CARD}):not(:has(.o_kanban_record:contains(Client Promesse)))`,
                    },
                    {
                        content: "The card says whom to ask for and where to call",
                        trigger: `${CARD}:has(.o_adv_call_contact:contains(Claire Compta)) a.o_adv_call_phone[href='tel:+33 4 72 11 22 33']`,
                    },
                    {
                        content: "... about which invoices, and how late (in French)",
                        trigger: `${CARD} .o_adv_call_invoices:contains(/):contains(35 jours de retard)`,
                    },
                    {
                        content: "Record the outcome (Résultat / promesse)",
                        trigger: `${CARD} button.o_adv_call_outcome:contains(Résultat / promesse)`,
                        run: "click",
                    },
                    {
                        content: "A promise, for the amount due: only its date to type",
                        trigger: ".modal .o_field_widget[name=promise_amount] input",
                    },
                    {
                        content: "Promised for (French date)",
                        trigger: ".modal .o_field_widget[name=promise_date] input",
                        run: "edit 31/12/2099",
                    },
                    {
                        content: "Record (Enregistrer)",
                        trigger: ".modal button.o_adv_call_record",
                        run: "click",
                    },
                    {
                        content: "Told in French what was recorded",
                        trigger: ".o_notification:contains(Promesse de paiement de Tour Customer Carrelage enregistrée)",
                    },
                    {
                        content: "The call is done: the card is gone",
                        trigger: `.o_kanban_view:not(:has(${CARD}))`,
                    },
                ]),
                PROMISE_BUDGET
            ),
    });
}
