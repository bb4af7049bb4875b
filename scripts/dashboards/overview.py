# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV overview (adv_dashboard): a few figures of each area on one screen."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

from .claims import CLAIMS, NOT_REJECTED
from .order_control import CASH, CONFIRMED, RELEASED
from .supply import CHASES, DUE_LINES, PERFORMANCE, VENDORS
from .trade_show import SHOWS

# Today's aged balance: no period (it is a snapshot), no sales team.
BALANCE = Source("adv.dunning.balance", date=None, team=None)
SHOW_LEADS = Source("crm.lead", date="create_date")
FROM_A_SHOW = [("adv_show_id", "!=", False)]

OVERVIEW = Dashboard(
    addon="adv_dashboard",
    name="adv_overview",
    title="ADV overview",
    scorecards=[
        Scorecard("Orders confirmed", CASH, "__count", CONFIRMED),
        Scorecard(
            "Confirmed without a hold", CASH, "without_hold", CONFIRMED, "0.0%", color="green"
        ),
        Scorecard(
            "Hold to release, median (h)",
            CASH,
            "hold_hours_median",
            RELEASED,
            "0.0",
            color="orange",
        ),
        Scorecard("Overdue receivables", BALANCE, "overdue", color="red"),
        Scorecard("Cost of claims", CLAIMS, "amount_stake", NOT_REJECTED, color="red"),
        Scorecard("Vendor on-time rate (%)", PERFORMANCE, "on_time_rate", VENDORS, "0.0"),
        Scorecard("Chases", CHASES, "__count", color="orange"),
        Scorecard("On time in full (%)", DUE_LINES, "otif_rate", number_format="0.0"),
        Scorecard("Show leads", SHOW_LEADS, "__count", FROM_A_SHOW, color="green"),
        Scorecard("Show ROI", SHOWS, "roi", number_format="0.0%", color="orange"),
    ],
    charts=[
        Chart(
            "Orders per week: confirmed, held, released, refused",
            CASH,
            "__count",
            ["date:week", "kind"],
            wide=True,
        ),
        Chart(
            "Cost of claims by cause (Pareto)",
            CLAIMS,
            "amount_stake",
            ["type_id"],
            NOT_REJECTED,
            order="DESC",
        ),
        Chart("Leads per show", SHOW_LEADS, "__count", ["adv_show_id"], FROM_A_SHOW),
    ],
)
