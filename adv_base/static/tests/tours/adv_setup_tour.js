/** @odoo-module **/
// The ADV manager's setup checklist, in French: a line per thing to set up, the data-quality line
// of incomplete addresses to check with its count, opened on the customers to fix, and back.
// "adv_base_setup_checklist_desktop": a list; "_phone": cards and the back button (each variant
// fails at the other's size: see stepsForLayout).
import {stepsForLayout, withStepBudget} from "@adv_base/../tests/tours/adv_steps";
import {registry} from "@web/core/registry";

const LINE = "Clients à l'adresse incomplète";
const CUSTOMER = "Client Visite Sans Pays";

// On a desktop: open the customers to fix, give the customer its country in the list (select,
// cell, type, choose: saved at once, as for several selected customers) and come back; on a
// phone: open the cards and come back.
export const SETUP_CHECKLIST_BUDGET = {desktop: 6, phone: 2};

const STEPS = () => [
    {
        content: "The checklist says how many steps are done",
        trigger: ".o_breadcrumb .o_last_breadcrumb_item:contains(Liste de mise en route):contains(faites)",
    },
    {
        isActive: ["desktop"],
        content: "The address line is to check, with its count",
        trigger: `.o_list_view .o_data_row:contains("${LINE}"):contains(À vérifier) td[name=count]`,
    },
    {
        isActive: ["desktop"],
        content: "Open the customers to fix",
        trigger: `.o_list_view .o_data_row:contains("${LINE}") td[name=name]`,
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "The address card is to check, with its count",
        trigger: `.o_kanban_view .o_kanban_record:contains("${LINE}"):contains(À vérifier):contains(À corriger)`,
    },
    {
        isActive: ["mobile"],
        content: "Open the customers to fix",
        trigger: `.o_kanban_view .o_kanban_record:contains("${LINE}")`,
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The customer without a country is in the worklist",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER})`,
    },
    {
        isActive: ["mobile"],
        content: "The customer without a country has a card",
        trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER})`,
    },
    {
        isActive: ["desktop"],
        content: "Select the customer (several can be, and edited together)",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) .o_list_record_selector input`,
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "Edit its country in the list",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td[name=country_id]`,
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "Type the country",
        trigger: ".o_list_view .o_selected_row .o_field_widget[name=country_id] input",
        run: "edit France",
    },
    {
        isActive: ["desktop"],
        content: "Choose France",
        trigger: ".o-autocomplete--dropdown-menu li a:contains(France)",
        run: "click",
    },
    {
        isActive: ["desktop"],
        content: "The customer has its country, saved",
        trigger: `.o_list_view:not(:has(.o_selected_row)) .o_data_row:contains(${CUSTOMER}) td[name=country_id]:contains(France)`,
    },
    {
        isActive: ["desktop"],
        content: "Back to the checklist by the breadcrumb",
        trigger: ".o_breadcrumb .breadcrumb-item a:contains(Liste de mise en route)",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Back to the checklist",
        trigger: ".o_back_button",
        run: "click",
    },
    {
        content: "The checklist again",
        trigger: `.o_breadcrumb .o_last_breadcrumb_item:contains(Liste de mise en route)`,
    },
];

for (const layout of ["desktop", "phone"]) {
    registry.category("web_tour.tours").add(`adv_base_setup_checklist_${layout}`, {
        steps: () => withStepBudget(stepsForLayout(layout, STEPS()), SETUP_CHECKLIST_BUDGET[layout]),
    });
}
