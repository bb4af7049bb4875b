# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import AdvUsersMixin, PhoneTourMixin

from .common import new_chaser


class ChaseTourCase(HttpCase):
    """A late receipt chased, and a customer order that depends on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        AdvUsersMixin.switch_off_order_control(cls.env.company)
        cls.assistant = new_chaser(
            cls.env, "sf_tour", name="Alice Assistante", password="sf_tour", lang="en_US"
        )
        vendor = cls.env["res.partner"].create(
            {"name": "Tour Vendor Bois", "email": "bois@example.com"}
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Menuiserie", "email": "menuiserie@example.com"}
        )
        product = cls.env["product.product"].create({"name": "Oak plank", "is_storable": True})
        now = fields.Datetime.now()
        cls.purchase = cls.env["purchase.order"].create(
            {
                "partner_id": vendor.id,
                "user_id": cls.assistant.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": 100,
                            "price_unit": 8.0,
                            "date_planned": now + timedelta(days=2),
                        }
                    )
                ],
            }
        )
        cls.purchase.button_confirm()
        cls.sale = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "commitment_date": now + timedelta(days=3),
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 60, "price_unit": 15.0}
                    )
                ],
            }
        )
        cls.sale.action_confirm()
        cls.chase = cls.env["adv.supply.chase"]._adv_open_chase(
            cls.purchase.picking_ids, "The vendor warned of a delay"
        )
        cls.chase.user_id = cls.assistant


@tagged("post_install", "-at_install")
class TestChaseTourDesktop(ChaseTourCase):
    def test_answer_a_chase_and_tell_the_customer(self):
        self.start_tour(
            "/odoo/adv-supply-chases", "adv_supply_followup_chase_desktop", login="sf_tour"
        )
        self.assertEqual(self.chase.state, "answered")
        self.assertEqual(str(self.purchase.order_line.date_planned.date()), "2031-01-15")
        self.assertEqual(self.chase.impact_ids.sale_order_id, self.sale)
        self.assertTrue(self.chase.impact_ids.date_notified)


@tagged("post_install", "-at_install")
class TestChaseTourPhone(PhoneTourMixin, ChaseTourCase):
    def test_answer_a_chase_on_a_phone(self):
        self.start_tour(
            "/odoo/adv-supply-chases", "adv_supply_followup_chase_phone", login="sf_tour"
        )
        self.assertEqual(self.chase.state, "answered")
        self.assertEqual(self.chase.answer_comment, "Kiln breakdown, new date confirmed by phone")
