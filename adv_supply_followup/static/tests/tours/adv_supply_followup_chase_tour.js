/** @odoo-module **/
// An ADV assistant processes a chase from the Supply chases worklist: records the vendor's
// new date (one tap on its card on a phone), then (desktop) sends the notice to the customer whose
// order is now at risk. "adv_supply_followup_chase_desktop": a list and the form;
// "adv_supply_followup_chase_phone": cards.
import {addLayoutTours, recordVendorAnswer} from "@adv_base/../tests/tours/adv_steps";

addLayoutTours("adv_supply_followup_chase", () => [
    {
        isActive: ["desktop"],
        content: "The chase is in the list",
        trigger: ".o_list_view .o_data_row:contains(Tour Vendor Bois) td[name=name]",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "One tap on the card: record the vendor's answer",
        trigger:
            ".o_kanban_view .o_kanban_record:contains(Tour Vendor Bois) button[name=action_record_answer]",
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "Record the vendor's answer",
        trigger: ".o_form_view .o_statusbar_buttons button[name=action_record_answer]",
        run: "click",
    },
    ...recordVendorAnswer("01/15/2031", "Kiln breakdown, new date confirmed by phone"),
    {
        isActive: ["mobile"],
        content: "The answer is recorded: the chase left the cards to chase",
        trigger:
            "body:not(:has(.modal)) .o_kanban_view:not(:has(.o_kanban_record:contains(Tour Vendor Bois)))",
    },
    {
        isActive: ["desktop"],
        content: "The chase is answered",
        trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Answered)",
    },
    {
        isActive: ["desktop"],
        content: "The customer order at risk: send the notice",
        trigger:
            ".o_field_widget[name=impact_ids] .o_data_row:contains(Tour Customer Menuiserie) button[name=action_notify_customer]",
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The customer was told",
        trigger:
            ".o_field_widget[name=impact_ids] .o_data_row:contains(Tour Customer Menuiserie):not(:has(button[name=action_notify_customer]))",
    },
]);
