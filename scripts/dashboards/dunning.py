# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Receivables (adv_dunning): overdue by age today and over time, DSO trend, recovery rate by
dunning level, promises kept and broken, notices sent, amount in dispute."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

# Today's aged balance by customer: a snapshot, no period; no sales team on it.
BALANCE = Source("adv.dunning.balance", date=None, team=None)
# No sales team: a customer has none in Odoo 18 (``res.partner.team_id`` does not exist).
PROMISES = Source(
    "adv.dunning.promise",
    date="date",
    date_type="date",
    salesperson="partner_id.user_id",
    team=None,
)
NOTICES = Source(
    "adv.dunning.notice",
    date="date_sent",
    date_type="date",
    salesperson="salesperson_id",
    team=None,
)
DISPUTED = Source(
    "account.move.line",
    date="date_maturity",
    date_type="date",
    salesperson="move_id.invoice_user_id",
    team="move_id.team_id",
)
IN_DISPUTE = [
    ("adv_dispute", "=", True),
    ("reconciled", "=", False),
    ("parent_state", "=", "posted"),
    ("account_type", "=", "asset_receivable"),
]
SENT = [("state", "=", "sent")]
# The trends (reporting views): a point per month end of the last 12 months and today, whatever
# the period (a trend of the default 90 days would show three points).
DSO = Source("adv.dunning.dso.report", date=None, team=None)
AGING = Source("adv.dunning.aging.report", date=None, team=None)
TODAY = [("latest", "=", True)]
# Notices sent in the period whose 30 days are over.
RECOVERY = Source("adv.dunning.recovery.report", date="date_sent", date_type="date", team=None)

RECEIVABLES = Dashboard(
    addon="adv_dunning",
    name="receivables",
    title="Receivables",
    scorecards=[
        Scorecard("Overdue receivables", BALANCE, "overdue", color="red"),
        Scorecard("Amount in dispute", DISPUTED, "amount_residual", IN_DISPUTE, color="orange"),
        Scorecard("Promises kept", PROMISES, "__count", [("state", "=", "kept")], color="green"),
        Scorecard("Promises broken", PROMISES, "__count", [("state", "=", "broken")], color="red"),
        Scorecard("Overdue 1-30 days", BALANCE, "overdue_1_30"),
        Scorecard("Overdue 31-60 days", BALANCE, "overdue_31_60"),
        Scorecard("Overdue 61-90 days", BALANCE, "overdue_61_90", color="orange"),
        Scorecard("Overdue over 90 days", BALANCE, "overdue_90", color="red"),
        Scorecard("DSO today (days)", DSO, "dso", TODAY, "0.0", color="orange"),
        Scorecard(
            "Notices paid within 30 days",
            RECOVERY,
            "rate_count",
            number_format="0.0%",
            color="green",
        ),
        Scorecard(
            "Amount paid within 30 days of a notice",
            RECOVERY,
            "rate_amount",
            number_format="0.0%",
            color="green",
        ),
    ],
    charts=[
        Chart(
            "Notices sent per week by level",
            NOTICES,
            "__count",
            ["date_sent:week", "level_id"],
            SENT,
            stacked=True,
            wide=True,
        ),
        Chart(
            "Promises per week: kept, broken, open",
            PROMISES,
            "__count",
            ["date:week", "state"],
            stacked=True,
        ),
        Chart("Overdue by dunning level", BALANCE, "overdue", ["level_id"], order="DESC"),
        Chart(
            "Amount in dispute by customer",
            DISPUTED,
            "amount_residual",
            ["partner_id"],
            IN_DISPUTE,
            order="DESC",
        ),
        Chart("DSO per month (days)", DSO, "dso", ["date:month"], mode="line"),
        Chart(
            "Overdue by age over time (month ends, today)",
            AGING,
            "overdue",
            ["date:month", "age"],
            stacked=True,
            wide=True,
        ),
        Chart(
            "Notices paid within 30 days, by level (share)",
            RECOVERY,
            "rate_count",
            ["level_id"],
        ),
        Chart(
            "Amount paid within 30 days of a notice, by level (share)",
            RECOVERY,
            "rate_amount",
            ["level_id"],
        ),
    ],
)
