/** @odoo-module **/
// The show manager opens a show on a desktop, adds a checklist task with an owner and a
// deadline, and reads the results.
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("adv_trade_show_form", {
    steps: () => [
        {
            content: "Open the show",
            trigger: ".o_list_view .o_data_row:contains(Tour Show Paris) td[name=name]",
            run: "click",
        },
        {
            content: "The results count the captured lead",
            trigger: ".o_form_view .o_field_widget[name=lead_count]:contains(1)",
        },
        {
            content: "Open the checklist",
            trigger: ".o_notebook a.nav-link:contains(Checklist)",
            run: "click",
        },
        {
            content: "Add a task",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_data_row [name=name] input",
            run: "edit Order the badges",
        },
        {
            content: "Give it an owner",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_data_row [name=user_id] input",
            run: "edit Mona",
        },
        {
            content: "Choose Mona",
            trigger: ".o-autocomplete--dropdown-item:contains(Mona Tour)",
            run: "click",
        },
        {
            content: "And a deadline",
            trigger: ".o_field_widget[name=checklist_line_ids] .o_data_row [name=date_deadline] input",
            run: "edit 11/30/2026",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
