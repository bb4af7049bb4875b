# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Supply and deliveries (adv_supply_followup): vendor and carrier on-time rate, delay, chases,
customer orders at risk from late supply."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

# Vendors' and carriers' deliveries: no salesperson or team on them.
PERFORMANCE = Source("adv.supply.performance", date="date", salesperson=None, team=None)
# Chases are the buyers' (their user is the buyer, not a salesperson).
CHASES = Source("adv.supply.chase", date="date_opened", salesperson=None, team=None)
# Customer orders at risk: the salesperson and team of the customer's order.
AT_RISK = Source(
    "adv.supply.impact",
    date="date_due",
    date_type="date",
    salesperson="sale_order_id.user_id",
    team="sale_order_id.team_id",
)
DELIVERIES = [("source", "=", "delivery")]
VENDORS = DELIVERIES + [("partner_role", "=", "vendor")]

SUPPLY_DASHBOARD = Dashboard(
    addon="adv_supply_followup",
    name="supply",
    title="Supply and deliveries",
    scorecards=[
        Scorecard("Vendor on-time rate (%)", PERFORMANCE, "on_time_rate", VENDORS, "0.0"),
        Scorecard(
            "Average delay (days)", PERFORMANCE, "delay_days", DELIVERIES, "0.0", color="orange"
        ),
        Scorecard("Chases", CHASES, "__count"),
        Scorecard("Customer orders' value at risk", AT_RISK, "amount", color="red"),
    ],
    charts=[
        Chart(
            "On-time rate per week (%): vendors and carriers",
            PERFORMANCE,
            "on_time_rate",
            ["date:week", "partner_role"],
            DELIVERIES,
            mode="line",
            wide=True,
        ),
        Chart(
            "Chases per week",
            CHASES,
            "__count",
            ["date_opened:week", "kind"],
            stacked=True,
        ),
        Chart(
            "Average delay by vendor (days)",
            PERFORMANCE,
            "delay_days",
            ["partner_id"],
            VENDORS,
            order="DESC",
        ),
        Chart(
            "Value at risk by promised week",
            AT_RISK,
            "amount",
            ["date_due:week"],
        ),
        Chart(
            "Customer orders at risk by product",
            AT_RISK,
            "__count",
            ["product_id"],
            order="DESC",
        ),
    ],
)
