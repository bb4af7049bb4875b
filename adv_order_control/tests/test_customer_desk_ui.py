# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import AdvUsersMixin, PhoneTourMixin, new_web_user

CALL_URL = "/adv/desk/call?number=%2B33%206%2039%2098%2012%2034"


class CustomerDeskTourCase(HttpCase):
    """A French ADV assistant who sells too, and a French customer calling about an order whose
    delivery is planned 15 days after the date promised."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        AdvUsersMixin.switch_off_order_control(cls.env.company)
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.assistant = new_web_user(
            cls.env,
            "desk_tour",
            "Adèle Bureau",
            "adv_base.group_user,sales_team.group_sale_salesman",
        )
        cls.assistant.lang = "fr_FR"
        cls.assistant.partner_id.email = "adele@example.com"
        france = cls.env.ref("base.fr")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Carrelages Vernet",
                "is_company": True,
                "country_id": france.id,
                "lang": "fr_FR",
                "email": "contact@vernet.example.com",
            }
        )
        cls.env["res.partner"].create(
            {"name": "Julie Vernet", "parent_id": cls.customer.id, "mobile": "06 39 98 12 34"}
        )
        product = cls.env["product.product"].create({"name": "Grès cérame 60x60", "type": "consu"})
        promised = datetime.now().replace(microsecond=0) + timedelta(days=1)
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.assistant.id,
                "client_order_ref": "PO-VERNET-778",
                "commitment_date": promised,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 40, "price_unit": 20.0}
                    )
                ],
            }
        )
        cls.order.action_confirm()
        assert cls.order.state == "sale"
        cls.order.picking_ids.scheduled_date = datetime.now() + timedelta(days=15)

    def check_the_call(self):
        messages = self.customer.message_ids
        self.assertTrue(messages.filtered(lambda m: "PO-VERNET-778" in m.body))
        call = messages.filtered(lambda m: "Date de livraison donnée" in m.body)
        self.assertEqual(call.author_id, self.assistant.partner_id)


@tagged("post_install", "-at_install")
class TestCustomerDeskTourDesktop(CustomerDeskTourCase):
    def test_take_a_call(self):
        self.start_tour(CALL_URL, "adv_customer_desk_desktop", login="desk_tour")
        self.check_the_call()


@tagged("post_install", "-at_install")
class TestCustomerDeskTourPhone(PhoneTourMixin, CustomerDeskTourCase):
    def test_take_a_call_on_a_phone(self):
        self.start_tour(CALL_URL, "adv_customer_desk_phone", login="desk_tour")
        self.check_the_call()
