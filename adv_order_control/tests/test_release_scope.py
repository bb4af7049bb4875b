# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A release is a decision on one situation: it covers the reasons and the amount it was given
for, for one customer; anything that appears after it stops the order again. And the fields a
credit decision reads are owned by credit controllers and administrators, whatever other Odoo
group a user has."""

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestReleaseScope(OrderControlCommon):
    def released(self, amount=9000.0, user=None):
        """A quotation over the limit (10 000), released by a controller (approval level)."""
        order = self.make_order(amount)
        self.assertRefused(order.action_confirm(), order)
        check = order.adv_check_ids
        check.with_user(user or self.controller).action_release("Seasonal peak")
        self.assertEqual(check.state, "released")
        return order, check

    def test_the_release_lets_the_same_situation_through(self):
        order, check = self.released()
        self.assertEqual(check.released_rules, "over_limit")
        self.assertIs(order.action_confirm(), True)

    def test_a_hold_put_after_the_release_stops_the_order(self):
        order, _check = self.released(user=self.adv_manager)  # a manager lifts blocks too
        self.customer.with_user(self.controller)._adv_set_credit_hold("Cheque returned")
        self.assertRefused(order.action_confirm(), order)
        checks = order.adv_check_ids.sorted("id")
        self.assertIn("credit_hold", checks[-1].line_ids.mapped("rule"))

    def test_a_new_overdue_after_the_release_stops_the_order(self):
        with freeze_time("2026-07-01"):  # 31 days overdue, threshold 30
            self.make_invoice(10.0, invoice_date="2026-05-01", invoice_date_due="2026-05-31")
            first, second = self.make_order(10.0), self.make_order(10.0)
            for order in (first, second):
                self.assertRefused(order.action_confirm(), order)
                self.assertEqual(order.adv_check_ids.line_ids.rule, "overdue_days")
                order.adv_check_ids.with_user(self.controller).action_release("Paying Friday")
            self.assertIs(first.action_confirm(), True)  # the situation the release saw
            # Another invoice falls overdue after the release: the second order stops again.
            self.make_invoice(10.0, invoice_date="2026-05-02", invoice_date_due="2026-05-31")
            self.assertRefused(second.action_confirm(), second)

    def test_growth_beyond_the_approved_excess_stops_the_order(self):
        order, check = self.released()  # 10 800: over by 800
        self.assertAlmostEqual(check.excess, 800.0)
        other = self.make_order(100.0)
        self.company.account_use_credit_limit = False
        self.assertIs(other.action_confirm(), True)  # the exposure grew by 120 meanwhile
        self.company.account_use_credit_limit = True
        self.assertRefused(order.action_confirm(), order)

    def test_a_refusal_after_the_release_ends_it(self):
        order, _check = self.released()
        hold = self.customer.with_user(self.controller)._adv_set_credit_hold("Cheque returned")
        self.assertRefused(order.action_confirm(), order)
        new_check = order.adv_check_ids.filtered(lambda c: c.state == "open")
        new_check.with_user(self.adv_manager).action_refuse("Not this month")
        hold.with_user(self.controller).action_lift()
        self.assertRefused(order.action_confirm(), order)

    def test_a_release_is_for_the_customer_it_was_given_for(self):
        # Same limit, same (empty) exposure: only the customer differs.
        other_customer = self.env["res.partner"].create(
            {"name": "Martin Frères", "is_company": True, "credit_limit": 10000.0}
        )
        order, _check = self.released()
        order.partner_invoice_id = other_customer
        self.assertRefused(order.action_confirm(), order)

    def test_a_controllers_release_does_not_lift_a_rule_now_blocking(self):
        order, _check = self.released()
        self.company.adv_over_limit_outcome = "block"
        self.assertRefused(order.action_confirm(), order)


@tagged("post_install", "-at_install")
class TestOwnedFields(OrderControlCommon):
    OWNED = {
        "credit_limit": 1.0,
        "use_partner_credit_limit": False,
        "adv_credit_review_date": "2099-01-01",
        "adv_insured_amount": 1.0,
        "adv_min_order_amount": 1.0,
        "adv_buys_by_packaging": True,
        "adv_require_po_ref": True,
    }

    def make_user(self, login, groups):
        return new_test_user(self.env, login=login, name=login, lang="en_US", groups=groups)

    def test_other_roles_get_an_access_error(self):
        # Each may write contacts: the refusal is the credit control's, not Odoo's.
        billing = self.make_user(
            "oc_billing", "account.group_account_invoice,base.group_partner_manager"
        )
        seller = self.make_user(
            "oc_seller_inv",
            "sales_team.group_sale_salesman_all_leads,account.group_account_invoice",
        )
        accountant = self.make_user(
            "oc_accountant", "account.group_account_manager,base.group_partner_manager"
        )
        for user in (billing, seller, accountant, self.salesman):
            partner = self.customer.with_user(user)
            self.assertFalse(partner.adv_can_edit_credit)
            for field, value in self.OWNED.items():
                with (
                    self.subTest(user=user.login, field=field),
                    self.assertRaisesRegex(AccessError, "Only credit controllers"),
                ):
                    partner.write({field: value})
        with self.assertRaisesRegex(AccessError, "Only credit controllers"):
            self.env["res.partner"].with_user(seller).create(
                {"name": "New customer", "credit_limit": 1e9}
            )
        self.env.invalidate_all()
        self.assertEqual(self.customer.credit_limit, 10000.0)

    def test_owners_write_them(self):
        admin = self.make_user(
            "oc_admin", "base.group_system,base.group_partner_manager,account.group_account_invoice"
        )
        for user in (self.controller, self.adv_manager, admin):
            partner = self.customer.with_user(user)
            self.assertTrue(partner.adv_can_edit_credit)
            partner.write({"credit_limit": 2000.0, "adv_require_po_ref": True})
            self.assertEqual(self.customer.credit_limit, 2000.0)

    def test_a_new_contact_on_the_defaults_is_fine_for_anyone(self):
        seller = self.make_user("oc_seller_new", "sales_team.group_sale_salesman")
        partner = (
            self.env["res.partner"]
            .with_user(seller)
            .create({"name": "Fresh customer", "adv_buys_by_packaging": False})
        )
        self.assertTrue(partner)

    def test_payment_terms_stay_odoos_and_are_tracked(self):
        """Sales and billing users keep editing the customer's payment terms (tracked)."""
        billing = self.make_user(
            "oc_billing_terms", "sales_team.group_sale_salesman,account.group_account_invoice"
        )
        terms = self.env["account.payment.term"].create({"name": "45 days net (ADV test)"})
        self.customer.with_user(billing).property_payment_term_id = terms
        self.assertEqual(self.customer.property_payment_term_id, terms)
        self.assertTrue(self.env["res.partner"]._fields["property_payment_term_id"].tracking)
