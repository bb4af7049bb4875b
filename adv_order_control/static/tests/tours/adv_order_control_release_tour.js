/** @odoo-module **/
// A credit controller working in French opens a blocked order's credit check from the worklist
// ("adv_order_control_release_desktop" from a list, "adv_order_control_release_phone" from
// cards): the decision is visible without scrolling (in the status bar on a desktop, at the top
// of the sheet on a phone), the overdue invoices and payments are one click away, and the
// release is acknowledged.
import {addLayoutTours} from "@adv_base/../tests/tours/adv_steps";

// Fails when the button is below the fold: the decision must be at hand.
function inViewport(content, trigger) {
    return {
        content,
        trigger,
        run() {
            const box = this.anchor.getBoundingClientRect();
            if (box.height === 0 || box.top < 0 || box.bottom > window.innerHeight) {
                throw new Error(`${content}: not in view (${box.top}..${box.bottom})`);
            }
        },
    };
}

addLayoutTours("adv_order_control_release", () => [
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
        content: "The reasons, in French",
        trigger: ".o_form_view .o_field_widget[name=line_ids] :contains(dépassement de)",
    },
    {
        isActive: ["desktop"],
        content: "The overdue invoices behind the figure, a click away",
        trigger: ".o_form_view button[name=action_view_overdue_invoices]:contains(Factures en retard)",
    },
    {
        isActive: ["desktop"],
        content: "The customer's payments, a click away",
        trigger: ".o_form_view button[name=action_view_payments]",
    },
    {
        isActive: ["mobile"],
        content: "On a phone, the links are behind the smart buttons' toggle",
        trigger: ".o_form_view .o-form-buttonbox button.o_button_more",
    },
    {
        isActive: ["desktop"],
        ...inViewport(
            "Release is in the status bar, in view",
            ".o_form_view .o_form_statusbar button[name=action_open_release]:contains(Débloquer)"
        ),
    },
    {
        isActive: ["desktop"],
        ...inViewport(
            "Refuse too",
            ".o_form_view .o_form_statusbar button[name=action_open_refuse]:contains(Refuser)"
        ),
    },
    {
        isActive: ["mobile"],
        ...inViewport(
            "Release is at the top of the sheet, in view",
            ".o_form_view .o_adv_check_decision button[name=action_open_release]:contains(Débloquer)"
        ),
    },
    {
        isActive: ["mobile"],
        ...inViewport(
            "Refuse too",
            ".o_form_view .o_adv_check_decision button[name=action_open_refuse]:contains(Refuser)"
        ),
    },
    {
        isActive: ["desktop"],
        content: "Release",
        trigger: ".o_form_view .o_form_statusbar button[name=action_open_release]",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Release",
        trigger: ".o_form_view .o_adv_check_decision button[name=action_open_release]",
        run: "click",
    },
    {
        content: "Type the reason of the release in the dialog",
        trigger: ".modal .o_field_widget[name=reason] textarea",
        run: "edit Acompte reçu par virement",
    },
    {
        content: "Confirm the release",
        trigger: ".modal footer button[name=action_apply]",
        run: "click",
    },
    {
        content: "A notification says it is released",
        trigger: ".o_notification:contains(débloquée jusqu'au)",
    },
    {
        content: "The check is released",
        trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Débloqué)",
    },
]);
