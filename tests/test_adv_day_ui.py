# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV user's day through the UI, on a desktop and on a phone.

One ADV manager (every ADV role) finds in My Day a work item from each addon, each made by the
addon's own methods: a blocked order to release (order control), a dunning call (dunning), a
claim to acknowledge (claims), a late receipt to chase (supply follow-up) and a show lead to
follow up (trade show). The tour releases the order and confirms it, then records the vendor's
answer to the chase; the other items stay.
"""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin, new_web_user


class AdvDayTourCase(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        # Credit control on; conformity off: the order is blocked by its credit limit only, and
        # the other documents of the set-up are not held for an incomplete address.
        company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
        cls.adv = new_web_user(
            cls.env,
            "adv_day",
            "Adèle Day",
            "adv_base.group_manager,sales_team.group_sale_salesman_all_leads,"
            "purchase.group_purchase_user,stock.group_stock_user,account.group_account_invoice",
            email="adele.day@example.com",
        )
        # The company's collector: the dunning calls are hers.
        company.adv_dunning_collector_id = cls.adv
        now = fields.Datetime.now()
        today = fields.Date.context_today(cls.env.user)
        cls._setup_blocked_order()
        cls._setup_dunning_call(today)
        cls._setup_claim(today)
        cls._setup_supply_chase(now)
        cls._setup_show_lead(today)

    @classmethod
    def _setup_blocked_order(cls):
        """Order control: a quotation over its customer's limit stays a quotation; every credit
        controller (the ADV manager among them) gets a 'Credit release' activity."""
        customer = cls.env["res.partner"].create(
            {"name": "Day Customer Bricolage", "is_company": True, "credit_limit": 5000.0}
        )
        product = cls.env["product.product"].create({"name": "Day service", "type": "service"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": cls.env.ref("base.user_admin").id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 6000.0, "tax_id": []})
                ],
            }
        )
        cls.order.action_confirm()
        assert cls.order.state == "draft" and cls.order.adv_credit_state == "blocked"

    @classmethod
    def _setup_dunning_call(cls, today):
        """Dunning: an invoice 35 days overdue reaches the 'Phone call' level; the run's call
        channel gives the company's collector a 'Dunning call' activity. The run processes this
        customer only (its batch method, as the daily cron does) so that the demo customers'
        overdue invoices do not add calls to her day."""
        cls.dunned = cls.env["res.partner"].create(
            {"name": "Day Customer Carrelage", "is_company": True, "phone": "+33 4 72 00 00 00"}
        )
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.dunned.id,
                "invoice_date": today - timedelta(days=65),
                "invoice_date_due": today - timedelta(days=35),
                "invoice_line_ids": [
                    Command.create(
                        {"name": "Tiles", "quantity": 1, "price_unit": 1750.0, "tax_ids": []}
                    )
                ],
            }
        )
        invoice.action_post()
        run = cls.env["adv.dunning.run"].with_user(cls.adv).create({})
        run._process_batch([cls.dunned.id])
        run.action_send()
        assert run.notice_ids.level_id.channel_call

    @classmethod
    def _setup_claim(cls, today):
        """Claims: a quality claim on 3 invoiced tiles, handled by the ADV user: its
        acknowledgement is due."""
        customer = cls.env["res.partner"].create(
            {"name": "Day Customer Menuiserie", "is_company": True}
        )
        tiles = cls.env["product.product"].create({"name": "Day oak tiles", "type": "consu"})
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_date": today,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": tiles.id,
                            "quantity": 10,
                            "price_unit": 120.0,
                            "tax_ids": [],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        cls.claim = cls.env["adv.claim"].create(
            {
                "partner_id": customer.id,
                "subject": "Day cracked tiles",
                "user_id": cls.adv.id,
                "type_id": cls.env.ref("adv_claims.claim_type_quality").id,
                "invoice_id": invoice.id,
                "line_ids": [
                    Command.create({"invoice_line_id": invoice.invoice_line_ids.id, "quantity": 3})
                ],
            }
        )

    @classmethod
    def _setup_supply_chase(cls, now):
        """Supply follow-up: a receipt expected 6 days ago (the vendor acknowledged the order);
        the daily generation opens a late-receipt chase at the phone level for the buyer."""
        vendor = cls.env["res.partner"].create(
            {"name": "Day Vendor Bois", "email": "bois.day@example.com"}
        )
        product = cls.env["product.product"].create({"name": "Day oak plank", "is_storable": True})
        cls.purchase = cls.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "user_id": cls.adv.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": 100,
                            "price_unit": 8.0,
                            "date_planned": now - timedelta(days=6),
                            "taxes_id": [],
                        }
                    )
                ],
            }
        )
        cls.purchase.button_confirm()
        cls.purchase.mail_reception_confirmed = True
        chases = cls.env["adv.supply.chase"]._generate()
        cls.chase = chases.filtered(lambda c: c.purchase_id == cls.purchase)
        assert cls.chase.kind == "late_receipt" and cls.chase.user_id == cls.adv

    @classmethod
    def _setup_show_lead(cls, today):
        """Trade show: a visitor captured at the booth, processed into a lead of the show's
        manager (no assignment rule matches a French visitor), with the promised follow-up."""
        show = cls.env["adv.trade.show"].create(
            {
                "name": "Day Show Lyon",
                "country_id": cls.env.ref("base.fr").id,
                "date_begin": today - timedelta(days=1),
                "date_end": today + timedelta(days=2),
                "user_id": cls.adv.id,
                "staff_ids": [Command.set(cls.adv.ids)],
                "state": "running",
            }
        )
        capture = cls.env["adv.trade.show.capture"].create(
            {
                "show_id": show.id,
                "name": "Jeanne Visitor",
                "company_name": "Visitor SARL",
                "email": "jeanne@visitor-day.example",
                "informed": True,
            }
        )
        capture.action_process()
        cls.lead = capture.lead_id
        # The salesperson's estimate of the deal: the stake of the follow-up in My Day.
        cls.lead.expected_revenue = 2500.0

    def assert_day_before_tour(self):
        day = self.env["mail.activity"].search([("user_id", "=", self.adv.id)])
        self.assertEqual(
            sorted((a.res_model, a.adv_stake) for a in day),
            sorted(
                [
                    ("sale.order", 6000.0),
                    ("adv.dunning.notice", 1750.0),
                    ("adv.claim", 360.0),
                    ("adv.supply.chase", 800.0),
                    ("crm.lead", 2500.0),
                ]
            ),
        )

    def assert_what_the_user_did(self):
        # The confirmation after the release logs its remaining warning as a check of its own.
        check = self.order.adv_check_ids.filtered(lambda c: c.outcome == "approval")
        self.assertEqual(check.state, "released")
        self.assertEqual(check.release_user_id, self.adv)
        self.assertEqual(check.release_reason, "Deposit received by wire")
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.chase.state, "answered")
        self.assertEqual(self.chase.answer_user_id, self.adv)
        self.assertEqual(self.chase.answer_comment, "Kiln breakdown, new date confirmed by phone")
        self.assertEqual(str(self.purchase.order_line.date_planned.date()), "2031-01-15")
        day = self.env["mail.activity"].search([("user_id", "=", self.adv.id)])
        self.assertEqual(
            sorted(day.mapped("res_model")), ["adv.claim", "adv.dunning.notice", "crm.lead"]
        )


@tagged("post_install", "-at_install")
class TestAdvDayTourDesktop(AdvDayTourCase):
    def test_adv_day_desktop(self):
        self.assert_day_before_tour()
        self.start_tour("/odoo", "adv_day_desktop", login="adv_day")
        self.assert_what_the_user_did()


@tagged("post_install", "-at_install")
class TestAdvDayTourPhone(PhoneTourMixin, AdvDayTourCase):
    def test_adv_day_phone(self):
        self.assert_day_before_tour()
        self.start_tour("/odoo", "adv_day_phone", login="adv_day")
        self.assert_what_the_user_did()
