# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The trade shows dashboard (Dashboards app > Sales Administration) on a known data set.

Three shows of one responsible: A (a month ago) cost 1 000 + 500, 3 leads (one archived), two
confirmed orders of its leads for 4 000 and 2 000 (untaxed); B (three weeks ago) cost 1 000,
4 leads, nothing won; C (in two months) cost 300, 1 lead. Over A and B, hand-checked: 7 leads,
cost 2 500, cost per lead 2 500 / 7 = 357.14 (not the average of the shows' 500 and 250), won
6 000, ROI (6 000 - 2 500) / 2 500 = 1.4 (not the average of A's 3.0 and B's -1.0); per show, the
figures of the show's form.
"""

from datetime import date, timedelta

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from odoo.addons.adv_base.tests.common import RpcMixin
from odoo.addons.adv_base.tools.dashboard_requests import dashboard_figures

from .common import MANAGER, STAFF, new_show, show_user

TODAY = date.today()
PERIOD = (TODAY - timedelta(days=45), TODAY)


@tagged("post_install", "-at_install")
class TestTradeShowDashboard(RpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = show_user(cls.env, "tsd_manager", "Mona Dashboard", MANAGER)
        cls.staff = show_user(cls.env, "tsd_staff", "Sam Booth", STAFF)
        cls.other = show_user(cls.env, "tsd_other", "Otto Other", MANAGER)

        def show(name, days, costs, leads, user=cls.manager):
            begin = TODAY + timedelta(days=days)
            record = new_show(cls.env, name, begin, begin + timedelta(days=2), user_id=user.id)
            record.budget_line_ids = [
                Command.create({"name": f"Cost {i}", "actual_amount": cost})
                for i, cost in enumerate(costs)
            ]
            cls.env["crm.lead"].create(
                [
                    {"name": f"{name} lead {i}", "adv_show_id": record.id, "user_id": user.id}
                    for i in range(leads)
                ]
            )
            return record

        cls.show_a = show("Show A", -30, [1000, 500], 3)
        cls.show_b = show("Show B", -20, [1000], 4)
        cls.show_c = show("Show C", 60, [300], 1)
        show("Show of another", -30, [100], 2, user=cls.other)
        leads = cls.show_a.lead_ids.sorted("id")
        leads[2].active = False  # an archived lead still counts, as on the show's form
        cls.won_stage = cls.env["crm.stage"].create({"name": "Won (test)", "is_won": True})
        leads[0].write({"stage_id": cls.won_stage.id, "expected_revenue": 2500})
        cls.a_leads = leads
        cls.dashboard = cls.env.ref("adv_trade_show.dashboard_trade_shows")

    def won_orders(self):
        """Two confirmed orders of show A's leads (4 000 and 2 000 untaxed), one quotation."""
        customer = self.env["res.partner"].create({"name": "TSD Carrelages"})
        product = self.env["product.product"].create({"name": "TSD tiles"})
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": customer.id,
                    "opportunity_id": lead.id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "price_unit": amount, "tax_id": False}
                        )
                    ],
                }
                for lead, amount in zip(self.a_leads, [4000, 2000, 9000], strict=True)
            ]
        )
        self.env.flush_all()
        # Confirmed in SQL: confirmation is order control's business, not this report's.
        self.env.cr.execute(
            SQL("UPDATE sale_order SET state = 'sale' WHERE id IN %s", tuple(orders[:2].ids))
        )
        self.env.invalidate_all()

    def figures(self, period=PERIOD, **filters):
        filters.setdefault("salesperson", [self.manager.id])
        return dashboard_figures(self.dashboard.with_user(self.manager), period, **filters)

    def assert_figures(self, won):
        figures = self.figures()
        self.assertEqual(figures["Leads captured"][0]["lead_count"], 7)
        self.assertEqual(figures["Cost of shows"][0]["cost"], 2500)
        self.assertAlmostEqual(figures["Cost per lead"][0]["cost_per_lead"], 2500 / 7)
        self.assertEqual(figures["Won revenue"][0]["won_revenue"], won)
        self.assertAlmostEqual(figures["Show ROI"][0]["roi"], (won - 2500) / 2500)
        won_revenue = {
            row["show_id"][0]: row["won_revenue"] for row in figures["Won revenue by show"]
        }
        roi = {row["show_id"][0]: row["roi"] for row in figures["ROI by show"]}
        per_lead = {
            row["show_id"][0]: row["cost_per_lead"] for row in figures["Cost per lead by show"]
        }
        self.assertEqual(per_lead, {self.show_a.id: 500, self.show_b.id: 250})
        shows = self.show_a | self.show_b
        shows.invalidate_recordset()
        for show in shows:  # the show's form agrees (its ROI is in percent)
            self.assertAlmostEqual(roi[show.id], show.roi / 100)
            self.assertAlmostEqual(per_lead[show.id], show.cost_per_lead)
            self.assertEqual(won_revenue[show.id], show.won_revenue)
        return figures

    def test_figures_with_orders(self):
        """With Sales' CRM link (installed in the suite's test database): confirmed orders."""
        self.assertTrue(self.show_a._won_from_sale_orders())
        self.won_orders()
        figures = self.assert_figures(won=6000)
        won = {row["show_id"][0]: row["won_revenue"] for row in figures["Won revenue by show"]}
        self.assertEqual(won, {self.show_a.id: 6000, self.show_b.id: 0})
        leads = {row["show_id"][0]: row["lead_count"] for row in figures["Leads per show"]}
        self.assertEqual(leads, {self.show_a.id: 3, self.show_b.id: 4})

    def test_figures_from_won_leads(self):
        """Without it: the won leads' expected revenue, on the form and on the dashboard; the
        view follows the form when Sales' CRM link comes or goes (``_register_hook``)."""
        report = self.env["adv.trade.show.report"]
        self.patch(type(self.show_a), "_won_from_sale_orders", lambda self: False)
        report._register_hook()
        self.assert_figures(won=2500)
        self.patch(type(self.show_a), "_won_from_sale_orders", lambda self: True)
        report._register_hook()
        self.assertEqual(self.figures()["Won revenue"][0]["won_revenue"], 0)

    def test_global_filters(self):
        """The period is the show's first day; the salesperson its responsible."""
        later = self.figures(period=(TODAY, TODAY + timedelta(days=90)))
        self.assertEqual(later["Leads captured"][0]["lead_count"], 1)
        self.assertEqual(later["Cost per lead"][0]["cost_per_lead"], 300)
        self.assertEqual(later["Show ROI"][0]["roi"], -1)
        both = self.figures(salesperson=[self.manager.id, self.other.id])
        self.assertEqual(both["Leads captured"][0]["lead_count"], 9)
        team = self.env["crm.team"].create({"name": "TSD team"})
        self.assertFalse(self.figures(team=team.ids)["Leads captured"][0]["lead_count"])
        self.show_b.team_id = team
        self.env.flush_all()  # the view reads the table
        self.assertEqual(self.figures(team=team.ids)["Leads captured"][0]["lead_count"], 4)
        weekly = self.figures()["Show leads per week"]
        # Created today, by their salesperson; CRM leaves the archived lead out.
        self.assertEqual(sum(row["__count"] for row in weekly), 7)

    def test_booth_staff_cannot_read_the_costs(self):
        """The cost figures are the show managers' (access rights on the reporting view)."""
        self.authenticate("tsd_staff", "tsd_staff")
        self.assertRefusedCall(
            "AccessError", "adv.trade.show.report", "read_group", [], ["cost:sum"], []
        )
        self.authenticate("tsd_manager", "tsd_manager")
        rows = self.call(
            "adv.trade.show.report",
            "read_group",
            [("user_id", "=", self.manager.id)],
            ["cost:sum", "cost_per_lead:sum"],
            [],
        )
        self.assertEqual(rows[0]["cost"], 2800)
        self.assertAlmostEqual(rows[0]["cost_per_lead"], 2800 / 8)
