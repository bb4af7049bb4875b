/** @odoo-module **/
// A credit controller who works in French opens the order to cash dashboard (Dashboards app >
// Sales Administration): its figures are drawn, titled in French, on a desktop (the spreadsheet)
// and on a phone (Odoo's mobile dashboard stacks the charts).
// "adv_order_control_dashboard_desktop" and "adv_order_control_dashboard_phone".
import {addLayoutTours, withStepBudget} from "@adv_base/../tests/tours/adv_steps";

const ACTION = ".o_action.o_spreadsheet_dashboard_action";

addLayoutTours("adv_order_control_dashboard", () =>
    withStepBudget(
        [
            {
                isActive: ["desktop"],
                content: "The dashboard is listed in its Sales Administration section",
                trigger: `${ACTION} .o_search_panel_section:contains(Administration des ventes) li.active:contains(De la commande à l'encaissement)`,
            },
            {
                isActive: ["mobile"],
                content: "The phone shows the charts stacked, not the grid",
                trigger: `${ACTION} .o_mobile_dashboard`,
            },
            {
                content: "The confirmed orders are shown, titled in French",
                trigger: `${ACTION} canvas.o-scorecard[title="Commandes confirmées"]`,
            },
            {
                content: "The median hold to release time is shown",
                trigger: `${ACTION} canvas.o-scorecard[title="Délai de déblocage, médiane (h)"]`,
            },
            {
                content: "The weekly chart is drawn",
                trigger: `${ACTION} .o-chart-container canvas.o-figure-canvas:not(.o-scorecard)`,
            },
        ],
        0
    )
);
