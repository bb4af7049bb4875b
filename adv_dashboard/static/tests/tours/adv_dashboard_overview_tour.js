/** @odoo-module **/
// An ADV manager who works in French opens the ADV overview (Dashboards app > Sales
// Administration): "adv_dashboard_overview_desktop" and "adv_dashboard_overview_phone".
import {addLayoutTours, withStepBudget} from "@adv_base/../tests/tours/adv_steps";

const ACTION = ".o_action.o_spreadsheet_dashboard_action";
// [dashboard, a figure only it shows], as the French manager reads them
const AREAS = [
    ["De la commande à l'encaissement", "Délai de déblocage, p90 (h)"],
    ["Créances clients", "Montant en litige"],
    ["Réclamations", "Accusés de réception dans les délais"],
    ["Approvisionnements et livraisons", "Retard moyen (jours)"],
    ["Salons", "Coût par piste"],
];

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
            // Each area's own dashboard, listed in the same section: opened, one of its figures
            // (one no other dashboard shows) drawn, titled in French.
            ...AREAS.flatMap(([name, figure]) => [
                {
                    isActive: ["desktop"],
                    content: `Open ${name}`,
                    trigger: `${ACTION} .o_search_panel li:contains("${name}")`,
                    run: "click",
                },
                {
                    isActive: ["desktop"],
                    content: `${name} is the dashboard shown`,
                    trigger: `${ACTION} .o_search_panel li.active:contains("${name}")`,
                },
                {
                    isActive: ["mobile"],
                    content: "Open the list of dashboards",
                    trigger: `${ACTION} .o_search_panel_summary .o_search_panel_current_selection`,
                    run: "click",
                },
                {
                    isActive: ["mobile"],
                    content: `Open ${name}`,
                    trigger: `.o_spreadsheet_dashboard_search_panel li:contains("${name}")`,
                    run: "click",
                },
                {
                    isActive: ["mobile"],
                    content: `${name} is the dashboard shown`,
                    trigger: `${ACTION} .o_search_panel_current_selection:contains("${name}")`,
                },
                {
                    content: `${name}: "${figure}" is drawn`,
                    trigger: `${ACTION} canvas.o-scorecard[title="${figure}"]`,
                },
            ]),
        ],
        // counted over both viewports' steps: one click per area on a desktop (5), two taps
        // per area on a phone (10)
        15
    )
);
