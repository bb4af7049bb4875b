# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fixtures of the order control tests; other adv addons may build on them."""

from odoo import Command

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.adv_base.tests.common import AdvUsersMixin, new_english_user


class OrderControlCommon(AdvUsersMixin, AccountTestInvoicingCommon):
    """A company with its chart of accounts and credit control on, a 20 % sales tax, a customer
    ``customer`` with a 10 000 limit (and a contact ``customer_contact``), a salesperson and a
    credit controller. Amounts in the tests are tax-excluded prices; exposure is tax included.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.company_data["company"]
        cls.company.write(
            {
                "account_use_credit_limit": True,
                "adv_solvency_new_customer": False,
                "adv_overdue_max_days": 30,
                "adv_conformity_check": False,  # credit tests; test_conformity turns it on
            }
        )
        cls.setup_adv_users()
        cls.tax20 = cls.env["account.tax"].create(
            {
                "name": "VAT 20 %",
                "amount": 20,
                "type_tax_use": "sale",
                "company_id": cls.company.id,
            }
        )
        cls.service = cls._create_product(
            name="Consulting day",
            type="service",
            invoice_policy="order",
            taxes_id=[Command.set(cls.tax20.ids)],
        )
        cls.goods = cls._create_product(
            name="Pallet of tiles",
            type="consu",
            invoice_policy="delivery",
            taxes_id=[Command.set(cls.tax20.ids)],
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Dupont Distribution",
                "is_company": True,
                "credit_limit": 10000.0,
                "property_account_receivable_id": cls.company_data["default_account_receivable"].id,
            }
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {
                "name": "Jeanne Dupont",
                "parent_id": cls.customer.id,
                "type": "invoice",
            }
        )
        cls.salesman = new_english_user(
            cls.env,
            "oc_salesman",
            "Sam Salesman",
            "sales_team.group_sale_salesman,adv_base.group_user",
        )
        cls.controller = new_english_user(
            cls.env,
            "oc_controller",
            "Chloé Controller",
            "adv_order_control.group_credit_controller",
        )

    @classmethod
    def make_order(cls, amount, partner=None, product=None, qty=1.0, currency=None, **values):
        """A quotation of ``qty`` x ``amount`` (tax excluded) for ``partner`` (the customer)."""
        vals = {
            "partner_id": (partner or cls.customer).id,
            "company_id": cls.company.id,
            "user_id": cls.salesman.id,
            "order_line": [
                Command.create(
                    {
                        "product_id": (product or cls.service).id,
                        "product_uom_qty": qty,
                        "price_unit": amount,
                        "tax_id": [Command.set(cls.tax20.ids)],
                    }
                )
            ],
        } | values
        if currency:
            vals["pricelist_id"] = (
                cls.env["product.pricelist"]
                .create(
                    {
                        "name": currency.name,
                        "currency_id": currency.id,
                        "company_id": cls.company.id,
                    }
                )
                .id
            )
        return cls.env["sale.order"].create(vals)

    @classmethod
    def make_invoice(cls, amount, partner=None, post=True, move_type="out_invoice", **values):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (partner or cls.customer).id,
                "company_id": cls.company.id,
                "invoice_date": values.pop("invoice_date", "2026-01-10"),
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": [Command.set(cls.tax20.ids)],
                        }
                    )
                ],
                **values,
            }
        )
        if post:
            move.action_post()
        return move

    def exposure(self, partner=None):
        partner = (partner or self.customer).commercial_partner_id
        return self.env["adv.credit.exposure"]._get_exposure({partner.id}, self.company)[partner.id]

    def assertRefused(self, result, order):
        """``action_confirm`` returned the refusal notification and left ``order`` a quotation."""
        self.assertIsInstance(result, dict)
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(order.id, result["params"]["adv_refused_order_ids"])
        self.assertIn(order.state, ("draft", "sent"))
        self.assertEqual(order.adv_credit_state, "blocked")


class DelegationCommon(OrderControlCommon):
    """Order control's fixtures, a director (an ADV manager) and :meth:`blocked` orders to release.

    Controllers may release up to 5 000 over the limit (the shipped default), managers all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director = new_english_user(
            cls.env, "oc_director", "Diane Director", "adv_base.group_manager"
        )

    def blocked(self, amount):
        """A quotation of ``amount`` stopped by the control: ``(order, its check)``."""
        order = self.make_order(amount)
        order.action_confirm()
        self.assertEqual(order.state, "draft")
        return order, order.adv_check_ids
