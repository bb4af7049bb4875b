# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The confirmation gate attacked as a remote caller would: a real HTTP session per role calling
``/web/dataset/call_kw``, with the arguments and context a script can send.

The scenario is the one a new user tried on the demo: a customer with a limit of 1 000 and an
order of 50 000 (60 000 tax included); the salesperson has Sales "own documents" and Invoicing
rights. Every test reads the outcome back from the database: removing the guard it aims at makes
it fail (the order ends confirmed, or the forged value is saved).
"""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import OrderControlCommon


@tagged("post_install", "-at_install")
class TestGateOverRpc(RpcMixin, OrderControlCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.credit_limit = 1000.0
        cls.seller = new_web_user(
            cls.env,
            "oc_rpc_seller",
            "Rémi Seller",
            "sales_team.group_sale_salesman,account.group_account_invoice,adv_base.group_user",
        )
        cls.rpc_controller = new_web_user(
            cls.env,
            "oc_rpc_controller",
            "Rita Controller",
            "adv_order_control.group_credit_controller",
        )
        cls.healthy = cls.env["res.partner"].create(
            {"name": "Healthy Holding", "is_company": True, "credit_limit": 1e9}
        )

    def setUp(self):
        super().setUp()
        self.authenticate("oc_rpc_seller", "oc_rpc_seller")

    # ------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------

    def line(self, amount, **values):
        return Command.create(
            {
                "product_id": self.goods.id,
                "product_uom_qty": 1,
                "price_unit": amount,
                "tax_id": [Command.set(self.tax20.ids)],
                **values,
            }
        )

    def quotation(self, amount=50000.0, **values):
        return self.make_order(amount, product=self.goods, user_id=self.seller.id, **values)

    def confirmed(self, amount=100.0):
        order = self.quotation(amount)
        self.assertIs(order.action_confirm(), True)
        return order

    def state_of(self, order):
        self.env.invalidate_all()
        return order.state

    def assertNoConfirmedOrder(self):
        self.env.invalidate_all()
        orders = self.env["sale.order"].search(
            [("partner_id", "=", self.customer.id), ("state", "=", "sale")]
        )
        self.assertFalse(orders, "an order the control refuses became a sales order")
        self.assertFalse(orders.picking_ids)

    # ------------------------------------------------------------
    # reaching 'sale'
    # ------------------------------------------------------------

    def test_the_normal_confirmation_is_refused(self):
        order = self.quotation()
        result = self.call("sale.order", "action_confirm", order.ids)
        self.assertEqual(result["params"]["adv_refused_order_ids"], order.ids)
        self.assertEqual(self.state_of(order), "draft")

    def test_create_with_default_state_in_the_context(self):
        vals = {"partner_id": self.customer.id, "order_line": [self.line(50000.0)]}
        self.assertRefusedCall(
            "UserError", "sale.order", "create", [vals], context={"default_state": "sale"}
        )
        self.assertNoConfirmedOrder()

    def test_context_defaults_fill_no_protected_field(self):
        vals = {"partner_id": self.customer.id, "order_line": [self.line(100.0)]}
        [order_id] = self.call(
            "sale.order",
            "create",
            [vals],
            context={"default_adv_credit_state": "released", "default_amount_total": 1.0},
        )
        order = self.env["sale.order"].browse(order_id)
        self.assertEqual((order.adv_credit_state, order.amount_total), ("ok", 120.0))

    def test_create_with_the_state(self):
        vals = {"partner_id": self.customer.id, "state": "sale", "order_line": [self.line(5e4)]}
        self.assertRefusedCall("UserError", "sale.order", "create", [vals])
        self.assertNoConfirmedOrder()

    def test_cancel_then_write_sale(self):
        order = self.quotation()
        self.call("sale.order", "write", order.ids, {"state": "cancel"})
        self.assertEqual(self.state_of(order), "cancel")
        self.assertRefusedCall("UserError", "sale.order", "write", order.ids, {"state": "sale"})
        self.assertEqual(self.state_of(order), "cancel")

    def test_copy_with_the_state(self):
        order = self.quotation()
        self.assertRefusedCall("UserError", "sale.order", "copy", order.ids, {"state": "sale"})
        self.assertNoConfirmedOrder()

    def test_import_with_the_state(self):
        result = self.call(
            "sale.order",
            "load",
            ["partner_id/.id", "state", "order_line/product_id/.id", "order_line/price_unit"],
            [[str(self.customer.id), "sale", str(self.goods.id), "50000"]],
            context={"import_file": True},
        )
        self.assertFalse(result["ids"])
        self.assertIn("over by", " ".join(m["message"] for m in result["messages"]))
        self.assertNoConfirmedOrder()

    def test_import_of_orders_goes_through_the_control(self):
        """An import (``load``, as Odoo's import screen calls it) of a confirmed order: a
        healthy customer's is saved confirmed with the control's pass; an over-limit one is
        refused with the reasons and nothing of the file is saved."""
        fields = ["partner_id/.id", "state", "order_line/product_id/.id", "order_line/price_unit"]
        result = self.call(
            "sale.order",
            "load",
            fields,
            [[str(self.healthy.id), "sale", str(self.goods.id), "100"]],
            context={"import_file": True},
        )
        self.assertEqual(len(result["ids"]), 1, result["messages"])
        imported = self.env["sale.order"].browse(result["ids"])
        self.assertEqual(self.state_of(imported), "sale")
        self.assertEqual(imported.amount_total, 120.0)
        result = self.call(
            "sale.order",
            "load",
            fields,
            [
                [str(self.healthy.id), "draft", str(self.goods.id), "10"],
                [str(self.customer.id), "sale", str(self.goods.id), "50000"],
            ],
            context={"import_file": True},
        )
        self.assertFalse(result["ids"])
        self.assertIn("over by", " ".join(m["message"] for m in result["messages"]))
        self.assertEqual(
            self.env["sale.order"].search_count([("partner_id", "=", self.healthy.id)]), 1
        )
        self.assertNoConfirmedOrder()

    def test_insurer_cover_of_the_customer_in_this_company_is_checked(self):
        """The insured amount is per company: above it in this company the order passes with a
        warning kept on its check; the same customer in another company has no cover set."""
        self.customer.credit_limit = 1e9
        insurer = self.env["res.partner"].create({"name": "Assureur-crédit", "is_company": True})
        self.customer.with_company(self.company).write(
            {"adv_credit_insurer_id": insurer.id, "adv_insured_amount": 5000.0}
        )
        covered = self.quotation(4000.0)  # 4 800 tax included: within the cover
        self.assertIs(covered.action_confirm(), True)
        self.assertFalse(covered.adv_check_ids)
        above = self.quotation(1000.0)  # exposure 4 800 + 1 200 = 6 000 > 5 000
        above.action_confirm()
        self.assertEqual(above.state, "sale")
        self.assertEqual(above.adv_check_ids.line_ids.mapped("rule"), ["insurer_cover"])
        self.assertEqual(above.adv_check_ids.outcome, "warn")
        other = self.env["res.company"].create({"name": "Other company"})
        self.assertEqual(self.customer.with_company(other).adv_insured_amount, 0.0)

    def test_written_totals_are_refused_and_never_read(self):
        order = self.quotation()
        for field in ("amount_total", "amount_untaxed", "currency_rate"):
            self.assertRefusedCall(
                "AccessError", "sale.order", "write", order.ids, {field: 1}, says="computed by"
            )
        # Even the order's stored totals forged below the ORM are not read: the control sums
        # the lines' amounts (which no user may write either: see the line test below).
        self.env.cr.execute(
            "UPDATE sale_order SET amount_total = 1, amount_untaxed = 1 WHERE id = %s", order.ids
        )
        result = self.call("sale.order", "action_confirm", order.ids)
        self.assertIn("adv_refused_order_ids", result["params"])
        self.assertEqual(self.state_of(order), "draft")
        check = order.adv_check_ids
        self.assertEqual(check.amount_order, 60000.0)

    def test_a_line_created_in_state_sale_launches_no_delivery(self):
        order = self.quotation(100.0)
        line = {"order_id": order.id, "product_id": self.goods.id, "state": "sale"}
        self.assertRefusedCall(
            "AccessError", "sale.order.line", "create", [line], says="computed by"
        )
        self.call(
            "sale.order.line",
            "create",
            [{"order_id": order.id, "product_id": self.goods.id, "price_unit": 5e4}],
            context={"default_state": "sale"},
        )
        self.env.invalidate_all()
        self.assertEqual(set(order.order_line.mapped("state")), {"draft"})
        self.assertFalse(order.picking_ids)

    def test_context_keys_relax_nothing(self):
        order = self.quotation()
        context = {
            "import_file": True,
            "skip_credit_check": True,
            "tracking_disable": True,
            "adv_not_in_front": True,
        }
        result = self.call("sale.order", "action_confirm", order.ids, context=context)
        self.assertIn("adv_refused_order_ids", result["params"])
        self.assertRefusedCall(
            "UserError", "sale.order", "write", order.ids, {"state": "sale"}, context=context
        )
        self.assertEqual(self.state_of(order), "draft")

    # ------------------------------------------------------------
    # a confirmed order that grows
    # ------------------------------------------------------------

    def test_a_confirmed_order_grows_by_a_new_line_on_the_order(self):
        order = self.confirmed()
        self.assertRefusedCall(
            "UserError", "sale.order", "write", order.ids, {"order_line": [self.line(50000.0)]}
        )
        self.env.invalidate_all()
        self.assertEqual(len(order.order_line), 1)

    def test_a_confirmed_order_grows_by_a_line_created_directly(self):
        order = self.confirmed()
        line = {"order_id": order.id, "product_id": self.goods.id, "price_unit": 50000.0}
        self.assertRefusedCall("UserError", "sale.order.line", "create", [line])
        self.env.invalidate_all()
        self.assertEqual(len(order.order_line), 1)

    def test_a_confirmed_order_grows_by_quantity_price_or_discount(self):
        order = self.confirmed()
        line = order.order_line
        for vals in ({"product_uom_qty": 500}, {"price_unit": 50000.0}):
            self.assertRefusedCall("UserError", "sale.order.line", "write", line.ids, vals)
        self.env.invalidate_all()
        self.assertEqual((line.product_uom_qty, line.price_unit), (1, 100.0))

    def test_a_confirmed_order_grows_by_its_discount(self):
        order = self.quotation(1500.0)
        order.order_line.discount = 50.0  # 900 tax included
        self.assertIs(order.action_confirm(), True)
        self.assertRefusedCall(
            "UserError", "sale.order.line", "write", order.order_line.ids, {"discount": 0}
        )
        self.env.invalidate_all()
        self.assertEqual(order.order_line.discount, 50.0)

    def test_lowering_a_confirmed_order_passes(self):
        order = self.confirmed(500.0)
        self.call("sale.order.line", "write", order.order_line.ids, {"price_unit": 400.0})
        self.env.invalidate_all()
        self.assertEqual(order.order_line.price_unit, 400.0)

    def test_the_invoice_address_switched_back_after_confirmation(self):
        order = self.quotation(partner_invoice_id=self.healthy.id)
        self.assertIs(order.action_confirm(), True)
        self.assertRefusedCall(
            "UserError", "sale.order", "write", order.ids, {"partner_invoice_id": self.customer.id}
        )
        self.env.invalidate_all()
        self.assertEqual(order.partner_invoice_id, self.healthy)

    def test_written_invoiced_quantities_and_line_totals_are_refused(self):
        order = self.confirmed()
        for field in ("qty_invoiced", "price_total", "price_subtotal", "untaxed_amount_invoiced"):
            self.assertRefusedCall(
                "AccessError",
                "sale.order.line",
                "write",
                order.order_line.ids,
                {field: 0},
                says="computed by",
            )
        self.env.invalidate_all()
        self.assertEqual(order.order_line.price_total, 120.0)

    # ------------------------------------------------------------
    # the data a decision reads, and the decision itself
    # ------------------------------------------------------------

    def test_invoicing_rights_do_not_change_the_limit(self):
        for vals in (
            {"credit_limit": 0.0},
            {"use_partner_credit_limit": False},
            {"adv_credit_review_date": "2099-01-01"},
            {"adv_min_order_amount": 0.0},
            {"adv_require_po_ref": False},
        ):
            self.assertRefusedCall(
                "AccessError",
                "res.partner",
                "write",
                self.customer.ids,
                vals,
                says="Only credit controllers",
            )
        self.env.invalidate_all()
        self.assertEqual(self.customer.credit_limit, 1000.0)
        order = self.quotation()
        self.call("sale.order", "action_confirm", order.ids)
        self.assertEqual(self.state_of(order), "draft")

    def test_a_check_is_decided_only_by_its_actions(self):
        order = self.quotation()
        self.call("sale.order", "action_confirm", order.ids)
        check = order.adv_check_ids
        self.authenticate("oc_rpc_controller", "oc_rpc_controller")
        for vals in (
            {"state": "released"},
            {"release_level": "block", "approved_amount": 1e9},
            {"release_expiry": "2099-12-31"},
            {"released_rules": "over_limit,credit_hold"},
        ):
            self.assertRefusedCall(
                "AccessError",
                "adv.order.check",
                "write",
                check.ids,
                vals,
                says="Release and Refuse actions",
            )
        self.assertRefusedCall(
            "AccessError",
            "adv.order.check",
            "create",
            [{"order_id": order.id, "partner_id": self.customer.id, "outcome": "pass"}],
        )
        self.env.invalidate_all()
        self.assertEqual((check.state, check.approved_amount), ("open", 0.0))
        # The release action, within the delegation (5 000 by default): escalated, not released.
        self.call("adv.order.check", "action_release", check.ids, "Trust them")
        self.env.invalidate_all()
        self.assertEqual(check.state, "open")
        self.assertEqual(self.state_of(order), "draft")

    # ------------------------------------------------------------
    # the data around the order
    # ------------------------------------------------------------

    def test_the_customer_cannot_borrow_another_companys_terms(self):
        """Made a contact of a company with a big limit, Odoo would copy that limit onto the
        customer (as superuser); detached again, the customer would keep it."""
        self.assertRefusedCall(
            "AccessError",
            "res.partner",
            "write",
            self.customer.ids,
            {"is_company": False, "parent_id": self.healthy.id},
            says="Only credit controllers",
        )
        self.assertRefusedCall(
            "AccessError",
            "res.partner",
            "write",
            self.customer.ids,
            {"commercial_partner_id": self.healthy.id},
            says="follows its parent company",
        )
        self.env.invalidate_all()
        self.assertEqual(
            (self.customer.credit_limit, self.customer.commercial_partner_id),
            (1000.0, self.customer),
        )

    def test_a_new_customer_starts_on_the_default_limit(self):
        self.env["ir.default"].set(
            "res.partner", "credit_limit", 5000.0, company_id=self.company.id
        )
        vals = {"name": "Sans Limite SARL", "is_company": True}
        self.assertRefusedCall(
            "AccessError",
            "res.partner",
            "create",
            [dict(vals, credit_limit=0.0)],
            says="Only credit controllers",
        )
        [partner_id] = self.call(
            "res.partner", "create", [vals], context={"default_credit_limit": 0.0}
        )
        partner = self.env["res.partner"].browse(partner_id).with_company(self.company)
        self.assertEqual(partner.credit_limit, 5000.0)

    def test_a_deleted_negative_line_is_growth(self):
        order = self.quotation(50000.0)
        order.order_line = [
            Command.create(
                {
                    "product_id": self.service.id,
                    "name": "Down payment",
                    "is_downpayment": True,
                    "product_uom_qty": 1,
                    "price_unit": -49500.0,
                    "tax_id": [Command.set(self.tax20.ids)],
                }
            )
        ]
        self.assertIs(order.action_confirm(), True)  # 600 of 1 000
        negative = order.order_line.filtered("is_downpayment")
        self.assertRefusedCall(
            "UserError", "sale.order.line", "unlink", negative.ids, says="nothing was saved"
        )
        self.env.invalidate_all()
        self.assertTrue(negative.exists())

    def test_a_draft_credit_note_lowers_nothing(self):
        refund = self.make_invoice(1e6, post=False, move_type="out_refund")
        self.assertEqual(refund.state, "draft")
        order = self.quotation()
        result = self.call("sale.order", "action_confirm", order.ids)
        self.assertIn("adv_refused_order_ids", result["params"])
        self.assertEqual(self.state_of(order), "draft")

    def test_receivables_and_invoice_links_are_odoos(self):
        invoice = self.make_invoice(500.0)
        receivable = invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )
        for vals in ({"reconciled": True}, {"amount_residual": 0.0}):
            self.assertRefusedCall(
                "AccessError",
                "account.move.line",
                "write",
                receivable.ids,
                vals,
                says="computed by Odoo",
            )
        for vals in ({"amount_total_signed": 0.0}, {"payment_state": "paid"}):
            self.assertRefusedCall(
                "AccessError", "account.move", "write", invoice.ids, vals, says="computed by Odoo"
            )
        order = self.confirmed()
        self.assertRefusedCall(
            "AccessError",
            "sale.order.line",
            "write",
            order.order_line.ids,
            {"invoice_lines": [Command.link(invoice.invoice_line_ids[0].id)]},
            says="computed by",
        )
        self.env.invalidate_all()
        self.assertEqual((receivable.reconciled, invoice.payment_state), (False, "not_paid"))

    def test_a_line_lowered_does_not_pay_for_another_raised(self):
        """The invoiced service is lowered by what the goods are raised: the total is the same,
        but what the customer owes grows (the service is already in the receivables)."""
        order = self.quotation(400.0)  # goods, 480 tax included, invoiced on delivery
        order.order_line = [self.line(300.0, product_id=self.service.id)]  # 360, on order
        self.assertIs(order.action_confirm(), True)  # 840 of 1 000
        invoice = order._create_invoices()
        invoice.action_post()  # the service: 360 in the receivables
        goods = order.order_line.filtered(lambda line: line.product_id == self.goods)
        service = order.order_line - goods
        changes = {
            "order_line": [
                Command.update(service.id, {"price_unit": 0.0}),
                Command.update(goods.id, {"price_unit": 700.0}),
            ]
        }
        self.assertRefusedCall(
            "UserError", "sale.order", "write", order.ids, changes, says="nothing was saved"
        )
        self.env.invalidate_all()
        self.assertEqual(goods.price_unit, 400.0)
