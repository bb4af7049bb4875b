/** @odoo-module **/
// A credit controller working in French releases a blocked order from the Blocked orders
// worklist in at most 3 clicks or taps ("adv_order_control_queue_release_desktop" from a row,
// "adv_order_control_queue_release_phone" from a card): Release, the reason typed, confirm; the
// dialog shows the validity filled in, and a notification says what was done.
import {stepsForLayout, withStepBudget} from "@adv_base/../tests/tours/adv_steps";
import {registry} from "@web/core/registry";

export const RELEASE_BUDGET = 3;
const ROW = ".o_list_view .o_data_row:contains(Tour Customer Bricolage)";
const CARD = ".o_kanban_view .o_kanban_record:contains(Tour Customer Bricolage)";

for (const layout of ["desktop", "phone"]) {
    registry.category("web_tour.tours").add(`adv_order_control_queue_release_${layout}`, {
        steps: () =>
            withStepBudget(
                stepsForLayout(layout, [
                    {
                        content: "The worklist, in French",
                        trigger: ".o_breadcrumb:contains(Commandes bloquées)",
                    },
                    {
                        isActive: ["desktop"],
                        content: "Release from the row (Débloquer)",
                        trigger: `${ROW} button[name=action_open_release]:contains(Débloquer)`,
                        run: "click",
                    },
                    {
                        isActive: ["mobile"],
                        content: "Release from the card (Débloquer)",
                        trigger: `${CARD} button[name=action_open_release]:contains(Débloquer)`,
                        run: "click",
                    },
                    {
                        content: "The dialog recalls why the order is stopped, in French",
                        trigger: ".modal .o_field_widget[name=summary]:contains(dépassement de)",
                    },
                    {
                        content: "The release's validity is shown, filled in",
                        trigger: ".modal .o_field_widget[name=expiry] input:value(/\\d/)",
                    },
                    {
                        content: "Type the reason",
                        trigger: ".modal .o_field_widget[name=reason] textarea",
                        run: "edit Acompte reçu par virement",
                    },
                    {
                        content: "Confirm the release",
                        trigger: ".modal footer button[name=action_apply]",
                        run: "click",
                    },
                    {
                        content: "A notification says it is released, and until when",
                        trigger: ".o_notification:contains(débloquée jusqu'au)",
                    },
                    {
                        isActive: ["desktop"],
                        content: "The order left the waiting list",
                        trigger: `body:not(:has(.modal)) .o_list_view:not(:has(${ROW}))`,
                    },
                    {
                        isActive: ["mobile"],
                        content: "The order's card left the waiting queue",
                        trigger: `body:not(:has(.modal)) .o_kanban_view:not(:has(${CARD}))`,
                    },
                ]),
                RELEASE_BUDGET
            ),
    });
}
