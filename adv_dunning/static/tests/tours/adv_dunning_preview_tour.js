/** @odoo-module **/
// A collector starts a dunning run from the runs' cards and previews it
// ("adv_dunning_preview_phone").
import {addLayoutTours} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours(
    "adv_dunning_preview",
    () => [
        {
            isActive: ["mobile"],
            content: "The runs are cards: new run",
            trigger: ".o_control_panel .o-kanban-button-new",
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
    ["phone"]
);
