/** @odoo-module **/
// A collector starts a dunning run and previews it (desktop list, phone cards).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("adv_dunning_preview", {
    steps: () => [
        {
            content: "New run",
            trigger: ".o_control_panel_main_buttons .o-kanban-button-new, .o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Preview",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "The run is saved and previewed",
            trigger: ".o_form_view .o_form_saved .o_field_widget[name=notice_ids]",
        },
    ],
});
