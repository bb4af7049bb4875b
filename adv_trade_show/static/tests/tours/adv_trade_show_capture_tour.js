/** @odoo-module **/
// Booth staff capture a visitor (French staff, an English visitor), on a phone and on a desktop,
// within a budget of taps. And on a phone a capture without the privacy notice: refused on
// screen, the draft kept.
//
// The refused tour is for a phone only: every step runs whatever the viewport (no `isActive`),
// and it checks what only the phone layout shows (the burger menu, the thumb-sized Save & process
// button under the form, the back arrow), so that it fails when run at a desktop size; the
// capture tours start with adv_steps' layout check.
import {stepsForLayout, withStepBudget} from "@adv_base/../tests/tours/adv_steps";
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

// Capture and process a visitor, in French, on a phone and on a desktop
// ("adv_trade_show_capture_phone", "adv_trade_show_capture_desktop"), within a budget of taps
// (typing included): the show comes first on the form, the privacy notice is read in the
// visitor's language (the show's country's, French, until the visitor is marked English), its
// switches are thumb-sized, and the staff is told the lead and the fate of the thank-you e-mail.
export const CAPTURE_BUDGET = 6;
// The tap on "Scan badge": headless Chrome has no camera, so the scan's result is handed to the
// Badge field as the widget does; the tap is counted here against the budget.
const SCAN_TAPS = 1;
const NOTICE = ".o_field_widget[name=consent_text]";

// A check, not an action: the element `selector` is at least 44 x 44 px (a thumb's target).
function assertTapTarget(selector) {
    const {width, height} = document.querySelector(selector).getBoundingClientRect();
    if (width < 44 || height < 44) {
        throw new Error(`${selector}: ${width} x ${height} px, less than 44 x 44`);
    }
}

for (const layout of ["desktop", "phone"]) {
    registry.category("web_tour.tours").add(`adv_trade_show_capture_${layout}`, {
        steps: () =>
            withStepBudget(
                stepsForLayout(layout, [
                    {
                        content: "A new visitor (Nouveau)",
                        trigger: ".o_control_panel button.o-kanban-button-new",
                        run: "click",
                    },
                    {
                        content: "The show comes first on the form, filled in",
                        trigger: ".o_form_view .o_field_widget[name=show_id] input:value(Tour Show Paris)",
                        run() {
                            const show = document.querySelector(".o_field_widget[name=show_id]");
                            const name = document.querySelector(".o_field_widget[name=name]");
                            const badge = document.querySelector(".o_field_widget[name=badge_payload]");
                            const top = (el) => el.getBoundingClientRect().top;
                            if (!(top(show) < top(name) && top(show) < top(badge))) {
                                throw new Error("The show is not the first field of the capture");
                            }
                        },
                    },
                    {
                        content: "The privacy notice in the show's language (French) for now",
                        trigger: `${NOTICE}:contains(Vos coordonnées sont enregistrées)`,
                    },
                    {
                        // What the Scan badge button does with the camera's result, without a
                        // camera: the tap on Scan badge is counted in SCAN_TAPS.
                        content: "The badge is scanned: the camera hands its text to the Badge field",
                        trigger: ".o_field_widget[name=badge_payload] textarea",
                        run() {
                            this.anchor.value = BADGE;
                            this.anchor.dispatchEvent(new Event("input", {bubbles: true}));
                            this.anchor.dispatchEvent(new Event("change", {bubbles: true}));
                        },
                    },
                    {
                        content: "A hot visitor (Chaud)",
                        trigger: ".o_field_widget[name=temperature] .o_selection_badge:contains(Chaud)",
                        run: "click",
                    },
                    {
                        content: "The badge filled the visitor's e-mail",
                        trigger: ".o_field_widget[name=email] input:value(j.smith@tour-visitor.example)",
                    },
                    {
                        content: "The visitor speaks English (Anglais)",
                        trigger: ".o_field_widget[name=lang] input[data-value=en_US]",
                        run: "click",
                    },
                    {
                        content: "The privacy notice is now in the visitor's language, the screen in French",
                        trigger: `.o_form_view:has(${NOTICE}:contains(Your contact details are recorded)) .o_field_widget[name=informed]`,
                    },
                    {
                        content: "The consent switches are thumb-sized (44 x 44 px at least)",
                        trigger: ".o_field_widget[name=marketing_opt_in] input",
                        run() {
                            assertTapTarget(".o_field_widget[name=informed] input");
                            assertTapTarget(".o_field_widget[name=marketing_opt_in] input");
                        },
                    },
                    {
                        content: "The privacy notice was given",
                        trigger: ".o_field_widget[name=informed] input",
                        run: "click",
                    },
                    {
                        isActive: ["desktop"],
                        content: "Save & process (Enregistrer et traiter)",
                        trigger: ".o_form_view .o_statusbar_buttons button[name=action_process]",
                        run: "click",
                    },
                    {...PROCESS_WITH_THE_THUMB, isActive: ["mobile"]},
                    {
                        content: "Told in French: a lead, and no thank-you e-mail (none agreed)",
                        trigger: ".o_notification:contains(Nouveau visiteur : piste créée.):contains(e-mail de remerciement)",
                    },
                    {
                        content: "Back to my captures of today (cards), ready for the next visitor",
                        trigger: ".o_kanban_view .o_kanban_record:contains(John Smith):contains(Traité)",
                    },
                ]),
                CAPTURE_BUDGET - SCAN_TAPS
            ),
    });
}

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
