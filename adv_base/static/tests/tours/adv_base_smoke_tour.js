/** @odoo-module **/
// Smoke tour: an ADV user opens the Sales Administration app and finds their day in it.
// Runs at desktop size (list view) and at a phone viewport (kanban view, burger menu).
import {registry} from "@web/core/registry";

const APP = '.o_app[data-menu-xmlid="adv_base.menu_root"]';

registry.category("web_tour.tours").add("adv_base_smoke", {
    steps: () => [
        {
            isActive: ["desktop"],
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button:enabled",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Open Sales Administration",
            trigger: APP,
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open the burger menu",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Show all apps",
            trigger: ".o_sidebar_topbar a.btn-primary",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "Open Sales Administration",
            trigger: APP,
            run: "click",
        },
        {
            content: "My Day is the app's first screen",
            trigger: ".o_breadcrumb:contains(My Day)",
        },
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
