# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV overview dashboard: the same figures as the areas' own dashboards (one data set of
order to cash, hand-checked in adv_order_control's test), as an ADV manager reads them, and the
dashboard opened on a desktop and on a phone."""

from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin, new_web_user
from odoo.addons.adv_base.tools.dashboard_requests import dashboard_figures
from odoo.addons.adv_order_control.tests.test_order_to_cash_dashboard import (
    PERIOD,
    OrderToCashCase,
)
from odoo.addons.adv_supply_followup.tests.test_delivery_dashboard import (
    PERIOD as DELIVERY_PERIOD,
)
from odoo.addons.adv_supply_followup.tests.test_delivery_dashboard import DeliveryCase


class OverviewCase(OrderToCashCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_web_user(
            cls.env,
            "adv_overview_manager",
            "Manon Manager",
            "adv_base.group_manager,sales_team.group_sale_manager",
        )
        cls.manager.lang = "fr_FR"
        cls.overview = cls.env.ref("adv_dashboard.dashboard_overview")


@tagged("post_install", "-at_install")
class TestOverviewFigures(OverviewCase):
    def test_order_to_cash_figures_match_the_area_dashboard(self):
        filters = {"salesperson": [self.seller.id]}
        overview = dashboard_figures(self.overview.with_user(self.manager), PERIOD, **filters)
        self.assertEqual(overview["Orders confirmed"][0]["__count"], 4)
        self.assertAlmostEqual(overview["Confirmed without a hold"][0]["without_hold"], 0.25)
        self.assertAlmostEqual(overview["Hold to release, median (h)"][0]["hold_hours_median"], 4)
        per_kind = {
            row["kind"]: row["__count"]
            for row in overview["Orders per week: confirmed, held, released, refused"]
        }
        self.assertEqual(per_kind, {"confirmed": 4, "held": 5, "released": 3, "refused": 1})

    def test_every_figure_reads_as_a_manager(self):
        """An ADV manager reads every area's data behind the overview (no access error)."""
        figures = dashboard_figures(self.overview.with_user(self.manager), PERIOD)
        self.assertEqual(len(figures), 13)


@tagged("post_install", "-at_install")
class TestOverviewDeliveries(DeliveryCase):
    def test_otif_matches_the_supply_dashboard(self):
        """The deliveries' data set of adv_supply_followup: 2 of 6 lines on time in full."""
        manager = new_web_user(
            self.env,
            "adv_overview_otif",
            "Manon OTIF",
            "adv_base.group_manager,sales_team.group_sale_manager",
        )
        overview = self.env.ref("adv_dashboard.dashboard_overview").with_user(manager)
        figures = dashboard_figures(overview, DELIVERY_PERIOD, salesperson=[self.seller.id])
        self.assertAlmostEqual(figures["On time in full (%)"][0]["otif_rate"], 100 / 3)


@tagged("post_install", "-at_install")
class TestOverviewTour(OverviewCase):
    def test_overview_on_a_desktop(self):
        self.start_tour(
            f"/odoo/dashboards?dashboard_id={self.overview.id}",
            "adv_dashboard_overview_desktop",
            login="adv_overview_manager",
        )


@tagged("post_install", "-at_install")
class TestOverviewTourPhone(PhoneTourMixin, OverviewCase):
    def test_overview_on_a_phone(self):
        self.start_tour(
            f"/odoo/dashboards?dashboard_id={self.overview.id}",
            "adv_dashboard_overview_phone",
            login="adv_overview_manager",
        )
