/** @odoo-module **/
// One tap from the queue: the Release button of a row ("adv_order_control_queue_release_desktop")
// or of a card ("adv_order_control_queue_release_phone") asks for the reason in a dialog, and the
// released order leaves the waiting queue.
import {addLayoutTours} from "@adv_base/../tests/tours/adv_steps";

const ROW = ".o_list_view .o_data_row:contains(Tour Customer Bricolage)";
const CARD = ".o_kanban_view .o_kanban_record:contains(Tour Customer Bricolage)";

addLayoutTours("adv_order_control_queue_release", () => [
    {
        isActive: ["desktop"],
        content: "Release from the row",
        trigger: `${ROW} button[name=action_open_release]`,
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Release from the card",
        trigger: `${CARD} button[name=action_open_release]`,
        run: "click",
    },
    {
        content: "The dialog recalls why the order is stopped",
        trigger: ".modal .o_field_widget[name=summary]:contains(over by)",
    },
    {
        content: "Type the reason",
        trigger: ".modal .o_field_widget[name=reason] textarea",
        run: "edit Deposit received by wire",
    },
    {
        content: "Confirm the release",
        trigger: ".modal footer button[name=action_apply]",
        run: "click",
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
]);
