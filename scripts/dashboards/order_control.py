# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Order to cash (adv_order_control): confirmations, credit holds and their decisions."""

from make_dashboards import Chart, Dashboard, Scorecard, Source

CASH = Source("adv.order.cash.report", date="date")
CONFIRMED = [("kind", "=", "confirmed")]
RELEASED = [("kind", "=", "released")]

ORDER_TO_CASH = Dashboard(
    addon="adv_order_control",
    name="order_to_cash",
    title="Order to cash",
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
        Scorecard(
            "Hold to release, p90 (h)", CASH, "hold_hours_p90", RELEASED, "0.0", color="orange"
        ),
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
            "Hold to release per week, median (h)",
            CASH,
            "hold_hours_median",
            ["date:week"],
            RELEASED,
            mode="line",
        ),
        Chart(
            "Share confirmed without a hold per week",
            CASH,
            "without_hold",
            ["date:week"],
            CONFIRMED,
            mode="line",
        ),
    ],
)
