# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims (adv_claims): count and cost by cause and by party, resolution time, deadlines."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

# The salesperson filter applies to the claim's handler; claims have no sales team.
CLAIMS = Source("adv.claim", date="date_claim", team=None)
NOT_REJECTED = [("state", "!=", "rejected")]
RESOLVED = [("date_resolved", "!=", False)]
# Claimed lines (product, its main vendor): the period and salesperson are their claim's.
LINES = Source(
    "adv.claim.line", date="claim_id.date_claim", salesperson="claim_id.user_id", team=None
)
LINES_NOT_REJECTED = [("claim_id.state", "!=", "rejected")]
# The two clocks against their deadlines (a view: a clock still running is late or not at the
# time the dashboard is read), one row per claim and clock.
DEADLINES = Source("adv.claim.deadline.report", date="date", team=None)
ACK = [("clock", "=", "ack")]
RESOLUTION = [("clock", "=", "resolution")]


def _pareto(title, source, measure, group, domain):
    """A Pareto chart: bars sorted by value, the groups without a value left out."""
    return Chart(title, source, measure, [group], domain + [(group, "!=", False)], order="DESC")


CLAIMS_DASHBOARD = Dashboard(
    addon="adv_claims",
    name="claims",
    title="Claims",
    scorecards=[
        Scorecard("Claims", CLAIMS, "__count", NOT_REJECTED),
        Scorecard("Cost of claims", CLAIMS, "amount_stake", NOT_REJECTED, color="red"),
        Scorecard(
            "Days to resolve (average)",
            CLAIMS,
            "resolution_days",
            RESOLVED,
            "0.0",
            color="orange",
        ),
        Scorecard("Acknowledged in time", DEADLINES, "in_time", ACK, "0.0%", color="green"),
        # The average leaves out the clocks still running (no hours yet).
        Scorecard("Hours to acknowledge (average)", DEADLINES, "hours", ACK, "0.0", color="orange"),
        Scorecard("Resolved in time", DEADLINES, "in_time", RESOLUTION, "0.0%", color="green"),
        Scorecard("Missed deadlines", DEADLINES, "late", color="red"),
    ],
    charts=[
        Chart(
            "Cost by cause (Pareto)",
            CLAIMS,
            "amount_stake",
            ["type_id"],
            NOT_REJECTED,
            order="DESC",
        ),
        Chart(
            "Claims by cause (Pareto)",
            CLAIMS,
            "__count",
            ["type_id"],
            NOT_REJECTED,
            order="DESC",
        ),
        Chart(
            "Cost by responsible party",
            CLAIMS,
            "amount_stake",
            ["responsible_party"],
            NOT_REJECTED,
            order="DESC",
        ),
        Chart(
            "Cost by carrier",
            CLAIMS,
            "amount_stake",
            ["carrier_id"],
            NOT_REJECTED + [("carrier_id", "!=", False)],
            order="DESC",
        ),
        Chart(
            "Claims per week by cause",
            CLAIMS,
            "__count",
            ["date_claim:week", "type_id"],
            NOT_REJECTED,
            stacked=True,
            wide=True,
        ),
        Chart(
            "Days to resolve per week (average)",
            CLAIMS,
            "resolution_days",
            ["date_claim:week"],
            RESOLVED,
            mode="line",
        ),
        Chart(
            "Missed deadlines per week: acknowledgement, resolution",
            DEADLINES,
            "late",
            ["date:week", "clock"],
        ),
        Chart(
            "Deadlines met per week: acknowledgement, resolution",
            DEADLINES,
            "in_time",
            ["date:week", "clock"],
            mode="line",
        ),
        _pareto("Cost by supplier (Pareto)", LINES, "amount", "supplier_id", LINES_NOT_REJECTED),
        _pareto("Lines by supplier (Pareto)", LINES, "__count", "supplier_id", LINES_NOT_REJECTED),
        _pareto("Cost by warehouse (Pareto)", CLAIMS, "amount_stake", "warehouse_id", NOT_REJECTED),
        _pareto("Claims by warehouse (Pareto)", CLAIMS, "__count", "warehouse_id", NOT_REJECTED),
        _pareto("Cost by product (Pareto)", LINES, "amount", "product_id", LINES_NOT_REJECTED),
        _pareto("Lines by product (Pareto)", LINES, "__count", "product_id", LINES_NOT_REJECTED),
    ],
)
