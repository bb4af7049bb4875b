/** @odoo-module **/
// Smoke tour: an ADV user opens the Sales Administration app and finds their day in it.
// "adv_base_smoke_desktop": a list; "adv_base_smoke_phone": the burger menu and cards.
import {addLayoutTours, openAdvApp} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours("adv_base_smoke", () => [
    ...openAdvApp(),
    {
        isActive: ["desktop"],
        content: "On a desktop, My Day is a list with my call",
        trigger: ".o_list_view .o_data_row:contains(Call back Dupont about the delivery)",
    },
    {
        isActive: ["mobile"],
        content: "On a phone, My Day is a kanban with my call, and no list",
        trigger:
            ".o_action_manager:not(:has(.o_list_view)) .o_kanban_view .o_kanban_record:contains(Call back Dupont about the delivery)",
    },
]);
