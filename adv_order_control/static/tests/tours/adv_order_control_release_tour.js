/** @odoo-module **/
// A credit controller releases a blocked order from the Blocked orders worklist:
// a list on a desktop, cards on a phone; the form is the same.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("adv_order_control_release", {
    steps: () => [
        {
            isActive: ["desktop"],
            content: "The blocked order is in the list",
            trigger: ".o_list_view .o_data_row:contains(Tour Customer Bricolage) td[name=partner_id]",
            run: "click",
        },
        {
            isActive: ["mobile"],
            content: "The blocked order is a card",
            trigger: ".o_kanban_view .o_kanban_record:contains(Tour Customer Bricolage)",
            run: "click",
        },
        {
            content: "The reasons say by how much",
            trigger: ".o_form_view .o_field_widget[name=line_ids] :contains(over by)",
        },
        {
            content: "Release",
            trigger: ".o_form_view button[name=action_open_release]",
            run: "click",
        },
        {
            content: "Type the reason of the release in the dialog",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Deposit received by wire",
        },
        {
            content: "Confirm the release",
            trigger: ".modal footer button[name=action_apply]",
            run: "click",
        },
        {
            content: "The check is released",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Released)",
        },
    ],
});
