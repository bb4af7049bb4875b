# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims (adv_claims): count and cost by cause and by party, resolution time."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

# The salesperson filter applies to the claim's handler; claims have no sales team.
CLAIMS = Source("adv.claim", date="date_claim", team=None)
NOT_REJECTED = [("state", "!=", "rejected")]
RESOLVED = [("date_resolved", "!=", False)]

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
    ],
)
