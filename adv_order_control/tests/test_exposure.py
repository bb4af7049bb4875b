# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.tests import Form, tagged

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestExposure(OrderControlCommon):
    def test_open_receivables_net_of_refunds_and_payments(self):
        invoice = self.make_invoice(1000.0)  # 1 200 incl. tax
        self.make_invoice(100.0, move_type="out_refund")  # -120
        self.assertAlmostEqual(self.exposure()["receivables"], 1080.0)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 200.0})._create_payments()
        self.assertAlmostEqual(self.exposure()["receivables"], 880.0)

    def test_draft_invoices_counted_posted_once(self):
        draft = self.make_invoice(500.0, post=False)
        self.assertAlmostEqual(self.exposure()["draft_invoices"], 600.0)
        draft.action_post()
        expo = self.exposure()
        self.assertAlmostEqual(expo["draft_invoices"], 0.0)
        self.assertAlmostEqual(expo["receivables"], 600.0)

    def test_confirmed_orders_not_invoiced_whatever_the_invoicing_policy(self):
        self.make_order(1000.0, product=self.goods, qty=2).action_confirm()  # delivery policy
        self.make_order(500.0).action_confirm()  # ordered quantities policy
        self.make_order(700.0)  # a quotation does not count
        self.assertAlmostEqual(self.exposure()["uninvoiced_orders"], 3000.0)

    def test_order_and_its_own_draft_invoice_counted_once(self):
        """Until its invoice is posted the order counts (its draft invoice does not)."""
        order = self.make_order(1000.0)
        order.action_confirm()
        invoice = order._create_invoices()
        expo = self.exposure()
        self.assertAlmostEqual(expo["uninvoiced_orders"], 1200.0)
        self.assertAlmostEqual(expo["draft_invoices"], 0.0)
        self.assertAlmostEqual(self.customer.adv_exposure, 1200.0)
        invoice.action_post()
        expo = self.exposure()
        self.assertAlmostEqual((expo["uninvoiced_orders"], expo["receivables"]), (0.0, 1200.0))

    def test_a_draft_invoice_edited_at_will_lowers_nothing(self):
        """A draft made from the order, its quantity raised and its price cut to 0 (to make the
        order look invoiced), or made out to another customer: the order still counts in full."""
        order = self.make_order(1000.0)
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.invoice_line_ids.write({"quantity": 1e6, "price_unit": 0.0})
        self.assertAlmostEqual(self.customer.adv_exposure, 1200.0)
        other = self.env["res.partner"].create({"name": "Someone else", "is_company": True})
        invoice.invoice_line_ids.write({"quantity": 1.0, "price_unit": 1000.0})
        invoice.partner_id = other
        invoice.action_post()  # billed to someone else: not this customer's order
        self.customer.invalidate_recordset()
        self.assertAlmostEqual(self.customer.adv_exposure, 1200.0)

    def test_partially_invoiced_order(self):
        order = self.make_order(100.0, qty=10)
        order.action_confirm()
        invoice = order._create_invoices()
        with Form(invoice) as form, form.invoice_line_ids.edit(0) as line:
            line.quantity = 4
        invoice.action_post()
        expo = self.exposure()
        self.assertAlmostEqual(expo["uninvoiced_orders"], 720.0)
        self.assertAlmostEqual(expo["receivables"], 480.0)

    def test_down_payment_not_counted_twice(self):
        order = self.make_order(1000.0)
        order.action_confirm()
        wizard = (
            self.env["sale.advance.payment.inv"]
            .with_context(active_model="sale.order", active_ids=order.ids)
            .create({"advance_payment_method": "percentage", "amount": 30})
        )
        wizard.create_invoices()
        order.invoice_ids.action_post()
        expo = self.exposure()
        total = expo["receivables"] + expo["draft_invoices"] + expo["uninvoiced_orders"]
        self.assertAlmostEqual(expo["receivables"], 360.0)
        self.assertAlmostEqual(total, 1200.0)
        # The final invoice deducts the down payment: still 1 200 in all.
        self.env["sale.advance.payment.inv"].with_context(
            active_model="sale.order", active_ids=order.ids
        ).create({"advance_payment_method": "delivered"}).create_invoices()
        expo = self.exposure()
        total = expo["receivables"] + expo["draft_invoices"] + expo["uninvoiced_orders"]
        self.assertAlmostEqual(total, 1200.0)

    def test_foreign_currency_in_company_currency(self):
        other = self.setup_other_currency("EUR", rates=[("2000-01-01", 2.0)])
        order = self.make_order(1000.0, currency=other)  # 1 200 EUR incl. tax = 600
        self.assertAlmostEqual(order._adv_amount_company(), 600.0)
        order.action_confirm()
        self.assertAlmostEqual(self.exposure()["uninvoiced_orders"], 600.0)
        self.make_invoice(1000.0, currency_id=other.id)
        self.assertAlmostEqual(self.exposure()["receivables"], 600.0)

    def test_other_company_does_not_count(self):
        company_2 = self.setup_other_company()["company"]
        self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "company_id": company_2.id,
                "invoice_date": "2026-01-10",
                "invoice_line_ids": [
                    (0, 0, {"name": "x", "quantity": 1, "price_unit": 999.0, "tax_ids": []})
                ],
            }
        ).action_post()
        self.make_invoice(100.0)
        self.assertAlmostEqual(self.exposure()["receivables"], 120.0)

    def test_invoice_contact_counts_for_its_company(self):
        self.make_order(100.0, partner=self.customer_contact).action_confirm()
        self.make_invoice(100.0, partner=self.customer_contact)
        expo = self.exposure(self.customer)
        self.assertAlmostEqual(expo["receivables"], 120.0)
        self.assertAlmostEqual(expo["uninvoiced_orders"], 120.0)

    def test_components_switch_off(self):
        self.make_invoice(100.0)
        self.make_invoice(200.0, post=False)
        self.make_order(300.0).action_confirm()
        self.company.write(
            {
                "adv_exposure_receivables": False,
                "adv_exposure_draft_invoices": False,
                "adv_exposure_orders": False,
            }
        )
        expo = self.exposure()
        self.assertEqual(
            (expo["receivables"], expo["draft_invoices"], expo["uninvoiced_orders"]), (0, 0, 0)
        )

    def test_overdue_with_grace_days(self):
        self.make_invoice(1000.0, invoice_date="2026-10-01", invoice_date_due="2026-10-31")
        with freeze_time("2026-11-05"):
            self.company.adv_overdue_grace_days = 5
            self.assertEqual(self.exposure()["overdue_amount"], 0.0)
        with freeze_time("2026-11-10"):
            expo = self.exposure()
            self.assertAlmostEqual(expo["overdue_amount"], 1200.0)
            self.assertEqual(expo["overdue_days"], 10)

    def test_partner_breakdown_readable_by_a_salesperson(self):
        self.make_invoice(1000.0)
        partner = self.customer.with_user(self.salesman)
        self.assertAlmostEqual(partner.adv_exposure, 1200.0)
        self.assertAlmostEqual(partner.adv_credit_limit, 10000.0)
        self.assertAlmostEqual(partner.adv_credit_utilisation, 12.0)
