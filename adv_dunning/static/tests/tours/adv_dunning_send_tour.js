/** @odoo-module **/
// A collector previews a dunning run, then sends it ("adv_dunning_send_desktop").
import {addLayoutTours} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours(
    "adv_dunning_send",
    () => [
        {
            content: "New run",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Preview",
            trigger: ".o_form_view button[name=action_compute]",
            run: "click",
        },
        {
            content: "The preview lists the tour customer's notice",
            trigger: ".o_field_widget[name=notice_ids] .o_data_row:contains(Tour Customer Carrelage)",
        },
        {
            content: "Send the notices",
            trigger: ".o_form_view button[name=action_send]",
            run: "click",
        },
        {
            content: "The run is sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Sent)",
        },
    ],
    ["desktop"]
);
