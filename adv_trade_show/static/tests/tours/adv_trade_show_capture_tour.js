/** @odoo-module **/
// Booth staff capture a visitor on a phone: a new card, the scanned badge fills the form,
// two taps (notice given, temperature), Save & process: a lead in under ten steps.
import {registry} from "@web/core/registry";

// A badge's QR code as most organisers print it (MeCard: one line).
const BADGE =
    "MECARD:N:Smith,John;ORG:Acme Building Ltd;TITLE:Head of purchasing;" +
    "TEL:+44 20 7946 0999;EMAIL:j.smith@tour-visitor.example;;";

registry.category("web_tour.tours").add("adv_trade_show_capture", {
    steps: () => [
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
        {
            isActive: ["mobile"],
            content: "Save & process, with the thumb",
            trigger: ".o_form_view button.o_adv_process_mobile",
            run: "click",
        },
        {
            isActive: ["desktop"],
            content: "Save & process",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_process]",
            run: "click",
        },
        {
            content: "A lead was created",
            trigger: ".o_notification:contains(New visitor: lead created)",
        },
        {
            content: "Back to my captures of today, ready for the next visitor",
            trigger: ".o_kanban_view .o_kanban_record:contains(John Smith)",
        },
    ],
});
