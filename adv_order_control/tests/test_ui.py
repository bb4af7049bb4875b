# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin, new_web_user

RELEASE_ACTIVITY = "adv_order_control.mail_activity_credit_release"


def new_french_web_user(env, login, name, groups):
    """A user who logs in to the web client in French, as the demo's users (password: login)."""
    env["res.lang"]._activate_lang("fr_FR")
    return new_test_user(env, login=login, name=name, password=login, lang="fr_FR", groups=groups)


class BlockedOrderTourCase(HttpCase):
    """A quotation over its customer's limit, stopped by the control, and a credit controller."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
        # She works in French, as the demo's users: the tours read the French screens.
        cls.controller = new_french_web_user(
            cls.env, "oc_tour", "Chloé Controller", "adv_order_control.group_credit_controller"
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Bricolage", "is_company": True}
        )
        customer.credit_limit = 100.0
        product = cls.env["product.product"].create({"name": "Tour service", "type": "service"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 500.0, "tax_id": []})
                ],
            }
        )
        cls.order.action_confirm()
        assert cls.order.state == "draft"


@tagged("post_install", "-at_install")
class TestBlockedOrdersTourDesktop(BlockedOrderTourCase):
    def test_release_a_blocked_order(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_release_desktop", login="oc_tour"
        )
        self.assertEqual(self.order.adv_check_ids.state, "released")
        self.assertEqual(self.order.adv_check_ids.release_reason, "Acompte reçu par virement")


@tagged("post_install", "-at_install")
class TestBlockedOrdersTourPhone(PhoneTourMixin, BlockedOrderTourCase):
    def test_release_a_blocked_order_on_a_phone(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_release_phone", login="oc_tour"
        )
        self.assertEqual(self.order.adv_check_ids.state, "released")


@tagged("post_install", "-at_install")
class TestQueueButtonsTour(BlockedOrderTourCase):
    def test_release_from_the_list_row(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_queue_release_desktop", login="oc_tour"
        )
        check = self.order.adv_check_ids
        self.assertEqual(
            (check.state, check.release_reason), ("released", "Acompte reçu par virement")
        )


@tagged("post_install", "-at_install")
class TestQueueButtonsTourPhone(PhoneTourMixin, BlockedOrderTourCase):
    def test_release_from_the_card_on_a_phone(self):
        self.start_tour(
            "/odoo/adv-blocked-orders", "adv_order_control_queue_release_phone", login="oc_tour"
        )
        self.assertEqual(self.order.adv_check_ids.state, "released")


class RefusedConfirmationTourCase(HttpCase):
    """A salesperson's quotation of 500 for a customer whose limit is 100, not confirmed yet, and
    a credit controller."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
        cls.salesman = new_french_web_user(
            cls.env,
            "oc_tour_seller",
            "Sacha Seller",
            # No invoicing right: Odoo 18.0's own credit warning would refuse her the form (it
            # reads the credit limit with her rights); ours replaces it.
            "sales_team.group_sale_salesman,adv_base.group_user",
        )
        cls.controller = new_web_user(
            cls.env, "oc_tour", "Chloé Controller", "adv_order_control.group_credit_controller"
        )
        customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Quincaillerie", "is_company": True}
        )
        customer.credit_limit = 100.0
        product = cls.env["product.product"].create({"name": "Tour service", "type": "service"})
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": cls.salesman.id,
                "order_line": [
                    Command.create({"product_id": product.id, "price_unit": 500.0, "tax_id": []})
                ],
            }
        )

    def confirm_in_the_web_client(self, tour):
        """Run ``tour`` as the salesperson from her quotations; assert what the refusal kept."""
        self.assertFalse(self.order.adv_check_ids)
        self.assertFalse(self.order.activity_ids)
        self.start_tour("/odoo/sales", tour, login="oc_tour_seller")
        self.env.invalidate_all()
        order = self.order
        self.assertEqual((order.state, order.adv_credit_state), ("draft", "blocked"))
        check = order.adv_check_ids
        self.assertEqual(len(check), 1)
        self.assertEqual((check.outcome, check.state), ("approval", "open"))
        self.assertEqual((check.amount_order, check.excess), (500.0, 400.0))
        self.assertEqual(check.user_id, self.salesman)
        self.assertIn("over_limit", check.line_ids.mapped("rule"))
        # The log in the company's language (the demo company is French).
        self.assertEqual(self.env.company.partner_id.lang, "fr_FR")
        log = order.message_ids.filtered(lambda m: "Contrôle crédit" in (m.body or ""))
        self.assertEqual(len(log), 1)
        # The request: kept with its justification, posted, brought to the controllers.
        justification = "Le client annonce un virement vendredi"
        self.assertEqual(
            (check.request_user_id, check.request_note), (self.salesman, justification)
        )
        self.assertTrue(order.message_ids.filtered(lambda m: justification in (m.body or "")))
        releases = order.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(RELEASE_ACTIVITY)
        )
        self.assertIn(self.controller, releases.user_id)
        self.assertNotIn(self.salesman, releases.user_id)
        # In the English controller's language, whoever confirmed.
        note = releases.filtered(lambda a: a.user_id == self.controller).note
        self.assertIn("over by", note)
        self.assertIn(justification, note)


@tagged("post_install", "-at_install")
class TestRefusedConfirmationTourDesktop(RefusedConfirmationTourCase):
    def test_confirmation_refused_on_screen(self):
        self.confirm_in_the_web_client("adv_order_control_refusal_desktop")


@tagged("post_install", "-at_install")
class TestRefusedConfirmationTourPhone(PhoneTourMixin, RefusedConfirmationTourCase):
    def test_confirmation_refused_on_screen_on_a_phone(self):
        self.confirm_in_the_web_client("adv_order_control_refusal_phone")
