/** @odoo-module **/
// Smoke tour: an ADV user opens the Sales Administration app and finds their day in it.
// Runs at desktop size (list view) and at a phone viewport (kanban view, burger menu).
import {registry} from "@web/core/registry";
import {openAdvApp} from "@adv_base/../tests/tours/adv_steps";

registry.category("web_tour.tours").add("adv_base_smoke", {
    steps: () => [
        ...openAdvApp(),
        {
            isActive: ["desktop"],
            content: "On a desktop, My Day is a list with my call",
            trigger: ".o_list_view .o_data_row:contains(Call back Dupont about the delivery)",
        },
        {
            isActive: ["mobile"],
            content: "On a phone, My Day is a kanban with my call",
            trigger: ".o_kanban_view .o_kanban_record:contains(Call back Dupont about the delivery)",
        },
    ],
});
