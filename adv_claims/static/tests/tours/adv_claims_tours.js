/** @odoo-module **/
// Claim tours: a handler qualifies a claim and issues a credit note (desktop); a handler
// records a claim taken by phone on a phone (375x667, touch).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("adv_claims_qualify_credit_note", {
    steps: () => [
        {
            content: "Open the claim from the list",
            trigger: ".o_list_view .o_data_row:contains(Tour cracked tiles) td[name=subject]",
            run: "click",
        },
        {
            content: "The checklist says what is missing",
            trigger: ".o_form_view .alert-warning:contains(whether it is justified)",
        },
        {
            content: "The claim is justified",
            trigger: ".o_field_widget[name=justified] input[data-value=yes]",
            run: "click",
        },
        {
            content: "Qualify",
            trigger: ".o_form_view button[name=action_qualify]",
            run: "click",
        },
        {
            content: "The claim is qualified",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Qualified)",
        },
        {
            content: "Propose a credit note",
            trigger: ".o_form_view button[name=action_propose_credit_note]",
            run: "click",
        },
        {
            content: "Its amount is the claimed lines, not a typed figure",
            trigger: ".o_form_view .o_field_widget[name=amount]:not(:has(input)):contains(150.00)",
        },
        {
            content: "Carry it out",
            trigger: ".o_form_view button[name=action_execute]",
            run: "click",
        },
        {
            content: "The draft credit note opens, for the claimed quantity",
            trigger: ".o_form_view:contains(Customer Credit Note) .o_field_widget[name=invoice_line_ids] td[name=quantity]:contains(3.00)",
        },
    ],
});

registry.category("web_tour.tours").add("adv_claims_phone_create", {
    steps: () => [
        {
            content: "The claims are cards on a phone",
            trigger: ".o_kanban_view .o_kanban_record:contains(Tour cracked tiles)",
        },
        {
            content: "New claim",
            trigger: ".o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Type the subject",
            trigger: ".o_field_widget[name=subject] input",
            run: "edit Pallet missing on the phone",
        },
        {
            content: "Open the customer search",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "click",
        },
        {
            content: "Show the search box",
            trigger: ".modal button:has(i.fa-search)",
            run: "click",
        },
        {
            content: "Search the customer",
            trigger: ".modal .o_searchview_input",
            run: "edit Tour Customer Carrelage",
        },
        {
            content: "Launch the search",
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Pick the customer",
            trigger: ".modal .o_kanban_record:contains(Tour Customer Carrelage)",
            run: "click",
        },
        {
            content: "The customer is set",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Customer Carrelage)",
        },
        {
            content: "Save",
            trigger: ".o_kanban_quick_create .o_kanban_add, .o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_kanban_record:contains(Pallet missing on the phone), .o_form_view .o_field_widget[name=name]:contains(CLM/)",
        },
    ],
});
