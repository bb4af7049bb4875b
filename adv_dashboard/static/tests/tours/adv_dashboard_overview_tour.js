/** @odoo-module **/
// An ADV manager who works in French opens the ADV overview (Dashboards app > Sales
// Administration): "adv_dashboard_overview_desktop" and "adv_dashboard_overview_phone".
import {addLayoutTours, withStepBudget} from "@adv_base/../tests/tours/adv_steps";

const ACTION = ".o_action.o_spreadsheet_dashboard_action";

addLayoutTours("adv_dashboard_overview", () =>
    withStepBudget(
        [
            {
                isActive: ["desktop"],
                content: "The overview is listed first in its Sales Administration section",
                trigger: `${ACTION} .o_search_panel_section:contains(Administration des ventes) li.active:first-child:contains(Vue d'ensemble ADV)`,
            },
            {
                isActive: ["mobile"],
                content: "The phone shows the charts stacked, not the grid",
                trigger: `${ACTION} .o_mobile_dashboard`,
            },
            {
                content: "The order to cash figures are shown, titled in French",
                trigger: `${ACTION} canvas.o-scorecard[title="Commandes confirmées"]`,
            },
            {
                content: "The receivables figure is shown",
                trigger: `${ACTION} canvas.o-scorecard[title="Créances échues"]`,
            },
            {
                content: "The deliveries' on time in full rate is shown",
                trigger: `${ACTION} canvas.o-scorecard[title="À temps et complet (%)"]`,
            },
            {
                content: "The charts are drawn",
                trigger: `${ACTION} .o-chart-container canvas.o-figure-canvas:not(.o-scorecard)`,
            },
        ],
        0
    )
);
