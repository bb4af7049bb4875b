/** @odoo-module **/
// Claim tours: a handler qualifies a claim and issues a credit note (desktop); a handler
// records a claim taken by phone on a phone (375x667, touch); a handler tries to carry out, then
// to approve, a gesture above their delegation and is refused on screen (desktop and phone); a
// handler files a claim from a delivery within a budget of clicks (desktop and phone, French).
import {
    addLayoutTours,
    headerButton,
    stepsForLayout,
    withStepBudget,
} from "@adv_base/../tests/tours/adv_steps";
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

// Registered as "adv_claims_phone_create_phone": it first checks the phone layout.
addLayoutTours(
    "adv_claims_phone_create",
    () => [
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
    ["phone"]
);

const GESTURE = "Commercial gesture";
const REMEDY = ".modal:has(.o_form_view .o_field_widget[name=remedy_type])";
const TO_APPROVE = `${REMEDY}:not(:has(button[name=action_request_approval]))`;
const REFUSED = ".modal .o_error_dialog:contains(600.00):contains(is above your delegation):contains(500.00)";

// The handler (500.00 for a gesture) opens the claim, then its gesture of 600.00: carrying it out
// is refused on screen, they ask for an approval, and approving it themselves is refused too.
addLayoutTours("adv_claims_remedy_refused", () => [
    {
        isActive: ["desktop"],
        content: "The claim is in the list of claims",
        trigger: ".o_list_view .o_data_row:contains(Tour cracked tiles) td[name=subject]",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The claim is a card",
        trigger: ".o_kanban_view .o_kanban_record:contains(Tour cracked tiles)",
        run: "click",
    },
    {
        content: "Its remedies",
        trigger: ".o_form_view .o_notebook a.nav-link:contains(Remedies)",
        run: "click",
    },
    {
        content: "The gesture of 600.00 is a row of the remedies (a list on a phone too)",
        trigger: `.o_field_widget[name=remedy_ids] .o_data_row:contains(${GESTURE}):contains(600.00) td[name=remedy_type]`,
        run: "click",
    },
    {
        content: "The remedy is a draft of 600.00",
        trigger: `${REMEDY} .o_field_widget[name=amount] input:value(600.00)`,
    },
    {
        content: "Carry it out",
        trigger: `${REMEDY} button[name=action_execute]`,
        run: "click",
    },
    {
        content: "Refused: above the handler's delegation",
        trigger: REFUSED,
    },
    {
        content: "Close the message",
        trigger: ".modal:has(.o_error_dialog) .modal-footer .btn-primary",
        run: "click",
    },
    {
        content: "Ask for an approval instead",
        trigger: `${REMEDY} button[name=action_request_approval]`,
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The remedy waits for its approval",
        trigger: `${REMEDY} .o_statusbar_status .o_arrow_button_current:contains(To approve)`,
    },
    {
        content: "Approve is offered, not a second request (the state is To approve)",
        trigger: `${TO_APPROVE} button[name=action_approve]`,
    },
    {
        content: "Try to approve it oneself",
        trigger: `${REMEDY} button[name=action_approve]`,
        run: "click",
    },
    {
        content: "Refused too: above the handler's delegation",
        trigger: REFUSED,
    },
    {
        content: "Close the message",
        trigger: ".modal:has(.o_error_dialog) .modal-footer .btn-primary",
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The remedy still waits for its approval",
        trigger: `${REMEDY} .o_statusbar_status .o_arrow_button_current:contains(To approve)`,
    },
    {
        content: "Still To approve, nothing carried out, the message closed",
        trigger: `body:not(:has(.o_error_dialog)) ${TO_APPROVE}:not(:has(button[name=action_execute])) button[name=action_approve]`,
    },
]);

// The delivery's form, in French: "Nouvelle réclamation" opens the claim with the customer, the
// order, the delivery and its delivered lines; the handler types what the customer complains
// about and saves. At most 4 clicks, taps and edits, on a desktop and on a phone (where the
// form's header buttons are in the cog menu).
export const FILE_FROM_DELIVERY_BUDGET = 4;
for (const layout of ["desktop", "phone"]) {
    registry.category("web_tour.tours").add(`adv_claims_file_from_delivery_${layout}`, {
        steps: () =>
            withStepBudget(
                stepsForLayout(layout, [
                    {
                        content: "The delivery is done",
                        trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Fait)",
                    },
                    {
                        isActive: ["desktop"],
                        content: "The button says what it does, in French",
                        trigger: ".o_statusbar_buttons button[name=action_new_adv_claim]:contains(Nouvelle réclamation)",
                    },
                    ...headerButton("action_new_adv_claim", "Nouvelle réclamation"),
                    {
                        content: "The claim starts from the delivery: its customer and its delivered line",
                        trigger: ".o_form_view:has(.o_field_widget[name=picking_id] input:value(WH/OUT)) .o_field_widget[name=line_ids] .o_data_row:contains(Carreaux de la visite)",
                    },
                    {
                        content: "The customer is filled in",
                        trigger: ".o_field_widget[name=partner_id] input:value(Carrelages de la Visite)",
                    },
                    {
                        content: "What the customer complains about",
                        trigger: ".o_field_widget[name=subject] input",
                        run: "edit Carreaux cassés à la livraison",
                    },
                    {
                        content: "Save (Enregistrer)",
                        trigger: ".o_form_view .o_form_button_save",
                        run: "click",
                    },
                    {
                        content: "Saved: the claim has its reference",
                        trigger: ".o_form_view .o_field_widget[name=name]:contains(CLM/)",
                    },
                    {
                        content: "The screen is in French",
                        trigger: ".o_form_view .o_notebook a.nav-link:contains(Lignes réclamées)",
                    },
                ]),
                FILE_FROM_DELIVERY_BUDGET
            ),
    });
}
