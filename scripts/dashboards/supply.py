# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Supply and deliveries (adv_supply_followup): vendor and carrier on-time rate, delay, chases,
customer orders at risk from late supply; customer deliveries on time in full (OTIF) against the
promised date, late lines and their value."""

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
    salesperson="user_id",
    team="team_id",
)
# Customer order lines due (promised day over): salesperson and team of the order.
DUE_LINES = Source("adv.delivery.report", date="date_promised", date_type="date")
LATE = [("is_late", "=", True)]
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
        Scorecard("On time in full (%)", DUE_LINES, "otif_rate", number_format="0.0"),
        # One request for the three: late lines count 1 and late value only when late.
        Scorecard("Late lines", DUE_LINES, "late_lines", color="red"),
        Scorecard("Value late", DUE_LINES, "amount_late", color="red"),
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
        Chart(
            "On time in full per promised week (%)",
            DUE_LINES,
            "otif_rate",
            ["date_promised:week"],
            mode="line",
            wide=True,
        ),
        Chart(
            "Value late by promised week",
            DUE_LINES,
            "amount_late",
            ["date_promised:week"],
            LATE,
        ),
        Chart(
            "Value late by customer",
            DUE_LINES,
            "amount_late",
            ["partner_id"],
            LATE,
            order="DESC",
        ),
    ],
)
