/** @odoo-module **/
// Booth staff capture a visitor on a phone: a new card, the scanned badge fills the form,
// two taps (notice given, temperature), Save & process: a lead in under ten steps. And a capture
// without the privacy notice: refused on screen, the draft kept.
//
// These tours are for a phone only: every step runs whatever the viewport (no `isActive`), and
// they check what only the phone layout shows (the burger menu, the thumb-sized Save & process
// button under the form, the back arrow), so that they fail when run at a desktop size.
import {registry} from "@web/core/registry";

const PHONE_LAYOUT = {
    content: "A phone layout: the burger menu in the navbar, no apps menu",
    trigger: ".o_main_navbar:not(:has(.o_navbar_apps_menu)) a.o_menu_toggle",
};

// The capture form's own Save & process button for the thumb: shown below the md breakpoint
// only (d-md-none), where the header's buttons fold into a menu.
const PROCESS_WITH_THE_THUMB = {
    content: "Save & process, with the thumb",
    trigger: ".o_form_view button.o_adv_process_mobile:visible",
    run: "click",
};

// A badge's QR code as most organisers print it (MeCard: one line).
const BADGE =
    "MECARD:N:Smith,John;ORG:Acme Building Ltd;TITLE:Head of purchasing;" +
    "TEL:+44 20 7946 0999;EMAIL:j.smith@tour-visitor.example;;";

registry.category("web_tour.tours").add("adv_trade_show_capture", {
    steps: () => [
        PHONE_LAYOUT,
        {
            content: "A new visitor",
            trigger: ".o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "The badge is scanned: the camera hands its text to the Badge field",
            trigger: ".o_field_widget[name=badge_payload] textarea",
            run() {
                // What the scan button does with the camera's result, without a camera.
                this.anchor.value = BADGE;
                this.anchor.dispatchEvent(new Event("input", {bubbles: true}));
                this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
            },
        },
        {
            content: "The badge filled the visitor's name and e-mail",
            trigger: ".o_field_widget[name=email] input:value(j.smith@tour-visitor.example)",
        },
        {
            content: "A hot visitor",
            trigger: ".o_field_widget[name=temperature] .o_selection_badge:contains(Hot)",
            run: "click",
        },
        {
            content: "The privacy notice was given",
            trigger: ".o_field_widget[name=informed] input",
            run: "click",
        },
        PROCESS_WITH_THE_THUMB,
        {
            content: "A lead was created",
            trigger: ".o_notification:contains(New visitor: lead created)",
        },
        {
            content: "Back to my captures of today (cards), ready for the next visitor",
            trigger: ".o_kanban_view .o_kanban_record:contains(John Smith):contains(Processed)",
        },
    ],
});

registry.category("web_tour.tours").add("adv_trade_show_capture_refused", {
    steps: () => [
        PHONE_LAYOUT,
        {
            content: "A new visitor",
            trigger: ".o_control_panel button.o-kanban-button-new",
            run: "click",
        },
        {
            content: "Their name",
            trigger: ".o_field_widget[name=name] input",
            run: "edit Paula Hasty",
        },
        {
            content: "Their company",
            trigger: ".o_field_widget[name=company_name] input",
            run: "edit Hasty Tiles",
        },
        {
            content: "Their e-mail",
            trigger: ".o_field_widget[name=email] input",
            run: "edit paula@hasty-tiles.example",
        },
        {
            content: "A hot visitor",
            trigger: ".o_field_widget[name=temperature] .o_selection_badge:contains(Hot)",
            run: "click",
        },
        {
            content: "The privacy notice was not given: its toggle is off",
            trigger: ".o_field_widget[name=informed] input:not(:checked)",
        },
        PROCESS_WITH_THE_THUMB,
        {
            content: "Refused: the message says the draft is saved and what is missing",
            trigger:
                ".o_error_dialog:contains(The capture is saved as a draft but cannot be " +
                "processed yet):contains(Paula Hasty: missing the privacy notice given to the " +
                "visitor.)",
        },
        {
            content: "Close the message",
            trigger: ".o_error_dialog button.o-default-button",
            run: "click",
        },
        {
            content: "The form still holds what was typed, saved",
            trigger:
                ".o_form_view .o_form_saved .o_field_widget[name=email] " +
                "input:value(paula@hasty-tiles.example)",
        },
        {
            content: "Back to the cards, with the phone's back arrow",
            trigger: "button.o_back_button:has(.oi-arrow-left)",
            run: "click",
        },
        {
            content: "The visitor's card is there, a draft to finish",
            trigger: ".o_kanban_view .o_kanban_record:contains(Paula Hasty):contains(Draft)",
        },
    ],
});
