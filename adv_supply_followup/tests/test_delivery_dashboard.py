# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer deliveries on the supply dashboard (Dashboards app > Sales Administration): on time
in full (OTIF) against the promised date, late lines and their value, on a known data set.

One salesperson's orders of a consumable at 10.00 (untaxed), the salesperson in Paris (UTC+2 in
October 2026), dates in UTC; promised days are the salesperson's, Paris days:

- A: promised Tue 6 Oct, 10 delivered on the 6th (and a service line, a section: not counted);
- B: promised Wed 7 Oct, 10 delivered at 22:30 UTC, Thu 8 Oct 00:30 in Paris: late, in full;
- C: promised Thu 8 Oct, 6 of 10 delivered on the 8th, 4 still to deliver: late, 40.00;
- D: no delivery date, ordered Fri 2 Oct 07:00 with a 7-day lead time: promised Fri 9 Oct;
  1 dozen (120.00) ordered, 12 units delivered on the 9th (Odoo moves the product's unit): on
  time in full;
- E: promised Tue 13 Oct, 10 delivered on the 12th, 2 returned (credited) on the 13th: 8 by the
  end of the promised day, late, 20.00;
- F: promised Wed 14 Oct, nothing delivered: late, 50.00;
- G: promised in ten days: not due yet, not counted.

Hand-checked figures: 6 lines due, A and D on time in full: 33.3 %; week of 5 Oct 2 / 4 (50 %),
week of 12 Oct 0 / 2; late lines C, E, F: 3, value late 110.00 (week of 5 Oct 40.00, of 12 Oct
70.00; customer Two 90.00, customer One 20.00); delivered in full A, B, D: 50 %.
"""

from datetime import date, datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.adv_base.tests.common import AdvCommon
from odoo.addons.adv_base.tools.dashboard_requests import dashboard_figures

from .common import new_chaser

DASHBOARD = "adv_supply_followup.dashboard_supply"
PERIOD = (date(2026, 10, 1), date(2026, 10, 31))


def utc(day, hour, minute=0):
    return datetime(2026, 10, day, hour, minute)


class DeliveryCase(AdvCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.switch_off_order_control(cls.company)
        cls.reader = new_chaser(
            cls.env,
            "otif_reader",
            "Odile OTIF",
            groups="sales_team.group_sale_salesman_all_leads",
            lang="fr_FR",
        )
        cls.seller = new_test_user(
            cls.env,
            login="otif_seller",
            groups="sales_team.group_sale_salesman",
            tz="Europe/Paris",
        )
        cls.one, cls.two = cls.env["res.partner"].create(
            [{"name": "OTIF Customer One"}, {"name": "OTIF Customer Two"}]
        )
        cls.product = cls.env["product.product"].create(
            {"name": "OTIF bracket", "type": "consu", "list_price": 10.0}
        )
        service = cls.env["product.product"].create({"name": "OTIF fitting", "type": "service"})
        dozen = cls.env.ref("uom.product_uom_dozen")
        specs = {
            "A": (cls.one, utc(6, 10), {}, [(service, 1, 50.0, {})]),
            "B": (cls.one, utc(7, 10), {}, []),
            "C": (cls.two, utc(8, 10), {}, []),
            "D": (cls.one, False, {"product_uom": dozen.id, "price_unit": 120.0}, []),
            "E": (cls.one, utc(13, 10), {}, []),
            "F": (cls.two, utc(14, 10), {}, []),
            "G": (cls.two, fields.Datetime.now() + timedelta(days=10), {}, []),
        }
        cls.orders = {}
        for name, (partner, promised, line, others) in specs.items():
            values = {"product_id": cls.product.id, "product_uom_qty": 10, "price_unit": 10.0}
            if name == "D":
                values |= {"product_uom_qty": 1, "customer_lead": 7}
            if name == "F":
                values["product_uom_qty"] = 5
            lines = [Command.create(values | line | {"tax_id": []})]
            lines += [
                Command.create({"product_id": p.id, "product_uom_qty": q, "price_unit": u})
                for p, q, u, __ in others
            ]
            lines.append(Command.create({"display_type": "line_section", "name": "Goods"}))
            cls.orders[name] = cls.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "user_id": cls.seller.id,
                    "commitment_date": promised,
                    "order_line": lines,
                }
            )
        orders = cls.env["sale.order"].union(*cls.orders.values())
        orders.action_confirm()
        # (order, quantity delivered, done at)
        done_at = {}
        for name, qty, when in [
            ("A", 10, utc(6, 15)),
            ("B", 10, utc(7, 22, 30)),
            ("C", 6, utc(8, 9)),
            ("D", 12, utc(9, 16)),  # the delivery moves units
            ("E", 10, utc(12, 8)),
        ]:
            done_at[cls.deliver(cls.orders[name].picking_ids, qty)] = when
        returned = cls.give_back(cls.orders["E"].picking_ids, 2)
        done_at[returned] = utc(13, 9)
        cls.env.flush_all()
        for picking, when in done_at.items():
            cls.env.cr.execute(
                SQL(
                    "UPDATE stock_move SET date = %s WHERE picking_id = %s AND state = 'done'",
                    when,
                    picking.id,
                )
            )
        cls.env.cr.execute(
            SQL(
                "UPDATE sale_order SET date_order = %s WHERE id IN %s",
                utc(2, 7),
                tuple(orders.ids),
            )
        )
        cls.env.invalidate_all()
        cls.dashboard = cls.env.ref(DASHBOARD)

    @classmethod
    def deliver(cls, pickings, qty):
        """Validate the delivery of ``pickings`` with ``qty``; what is left stays in a
        backorder."""
        picking = pickings.filtered(lambda p: p.picking_type_code == "outgoing")
        picking.move_ids.write({"quantity": qty, "picked": True})
        picking.with_context(skip_backorder=True, skip_sms=True).button_validate()
        return picking

    @classmethod
    def give_back(cls, pickings, qty):
        """Return ``qty`` of the done delivery of ``pickings``, credited to the order."""
        picking = pickings.filtered(lambda p: p.state == "done")
        wizard = cls.env["stock.return.picking"].create({"picking_id": picking.id})
        wizard.product_return_moves.write({"quantity": qty, "to_refund": True})
        returned = cls.env["stock.picking"].browse(wizard.action_create_returns()["res_id"])
        returned.move_ids.write({"quantity": qty, "picked": True})
        returned.button_validate()
        return returned

    def figures(self, period=PERIOD, dashboard=None, **filters):
        dashboard = (dashboard or self.dashboard).with_user(self.reader)
        return dashboard_figures(dashboard, period, salesperson=[self.seller.id], **filters)


@tagged("post_install", "-at_install")
class TestDeliveryFigures(DeliveryCase):
    def test_scorecards(self):
        figures = self.figures()
        self.assertAlmostEqual(figures["On time in full (%)"][0]["otif_rate"], 100 / 3)
        self.assertEqual(figures["Late lines"][0]["late_lines"], 3)
        self.assertAlmostEqual(figures["Value late"][0]["amount_late"], 110.0)

    def test_weekly_and_customer_charts(self):
        figures = self.figures()
        per_week = {
            row["date_promised:week"]: row["otif_rate"]
            for row in figures["On time in full per promised week (%)"]
        }
        self.assertEqual(len(per_week), 2)
        week_41, week_42 = (per_week[key] for key in sorted(per_week, key=lambda w: w[1:]))
        self.assertAlmostEqual(week_41, 50.0)
        self.assertAlmostEqual(week_42, 0.0)
        late_per_week = sorted(
            (row["__count"], row["amount_late"]) for row in figures["Value late by promised week"]
        )
        self.assertEqual(late_per_week, [(1, 40.0), (2, 70.0)])
        per_customer = {
            row["partner_id"][0]: row["amount_late"] for row in figures["Value late by customer"]
        }
        self.assertEqual(per_customer, {self.two.id: 90.0, self.one.id: 20.0})

    def test_lines_as_counted(self):
        """Each due line's quantities in the product's unit; the service and section lines and
        the line not due yet are not rows; the share delivered in full to date."""
        report = self.env["adv.delivery.report"].with_user(self.reader)
        rows = report.search([("user_id", "=", self.seller.id)])
        by_order = {row.order_id: row for row in rows}
        self.assertEqual(set(by_order), {self.orders[n] for n in "ABCDEF"}, "A to F due, G not yet")
        d, e = by_order[self.orders["D"]], by_order[self.orders["E"]]
        self.assertEqual(
            (d.date_promised, d.qty_ordered, d.qty_on_time), (date(2026, 10, 9), 12, 12)
        )
        self.assertEqual((e.qty_on_time, e.qty_delivered, e.amount_late), (8, 8, 20.0))
        self.assertEqual(by_order[self.orders["B"]].date_promised, date(2026, 10, 7))
        (total,) = report.read_group(
            [("user_id", "=", self.seller.id)], ["in_full_rate:sum", "otif_rate:sum"], []
        )
        self.assertAlmostEqual(total["in_full_rate"], 50.0, msg="a rate is never summed")
        self.assertAlmostEqual(total["otif_rate"], 100 / 3)

    def test_global_filters(self):
        """Another period, another company: nothing of the data set is counted."""
        other = self.figures(period=(date(2026, 11, 1), date(2026, 11, 30)))
        self.assertFalse(other["Late lines"][0]["late_lines"])
        company = self.env["res.company"].create({"name": "OTIF Other Company"})
        self.assertFalse(self.figures(company=company.ids)["Late lines"][0]["late_lines"])
        week = self.figures(period=(date(2026, 10, 12), date(2026, 10, 18)))
        self.assertAlmostEqual(week["On time in full (%)"][0]["otif_rate"], 0.0)

    def test_a_salesperson_cannot_read_the_analysis(self):
        """The figures are the supply follow-up team's (access rights on the reporting view)."""
        with self.assertRaises(AccessError):
            self.env["adv.delivery.report"].with_user(self.seller).read_group([], ["__count"], [])


@tagged("post_install", "-at_install")
class TestSupplyDashboardFollowUpTeam(DeliveryCase):
    def test_the_follow_up_team_filters_by_salesperson(self):
        """A chaser who may not read sales orders filters the whole dashboard by salesperson
        (the orders at risk read the salesperson stored on the impact, not on the order)."""
        chaser = new_test_user(
            self.env,
            login="otif_chaser",
            groups="adv_supply_followup.group_supply_followup,purchase.group_purchase_user,"
            "stock.group_stock_user",
        )
        self.assertFalse(chaser.has_group("sales_team.group_sale_salesman"))
        dashboard = self.env.ref(DASHBOARD).with_user(chaser)
        figures = dashboard_figures(dashboard, PERIOD, salesperson=[self.seller.id])
        self.assertAlmostEqual(figures["On time in full (%)"][0]["otif_rate"], 100 / 3)
