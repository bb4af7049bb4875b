# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Trade shows (adv_trade_show): leads, cost, cost per lead, won revenue and ROI per show."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

# One row per show: the period is the show's first day, the salesperson its responsible, the
# team its sales team. Cost per lead and ROI are ratios of the group's sums (the view computes
# them), as on the show's form.
SHOWS = Source("adv.trade.show.report", date="date", date_type="date")
# Leads as they are created (the overview's "Show leads"): the salesperson is the lead's.
SHOW_LEADS = Source("crm.lead", date="create_date")
FROM_A_SHOW = [("adv_show_id", "!=", False)]

TRADE_SHOWS = Dashboard(
    addon="adv_trade_show",
    name="trade_show",
    title="Trade shows",
    scorecards=[
        Scorecard("Leads captured", SHOWS, "lead_count", color="green"),
        Scorecard("Cost of shows", SHOWS, "cost", color="red"),
        Scorecard("Cost per lead", SHOWS, "cost_per_lead", number_format="#,##0.00"),
        Scorecard("Won revenue", SHOWS, "won_revenue", color="green"),
        Scorecard("Show ROI", SHOWS, "roi", number_format="0.0%", color="orange"),
    ],
    charts=[
        Chart("Leads per show", SHOWS, "lead_count", ["show_id"], order="DESC"),
        Chart("Cost per lead by show", SHOWS, "cost_per_lead", ["show_id"], order="DESC"),
        Chart("Won revenue by show", SHOWS, "won_revenue", ["show_id"], order="DESC"),
        Chart("ROI by show", SHOWS, "roi", ["show_id"], order="DESC"),
        Chart(
            "Show leads per week",
            SHOW_LEADS,
            "__count",
            ["create_date:week", "adv_show_id"],
            FROM_A_SHOW,
            stacked=True,
            wide=True,
        ),
    ],
)
