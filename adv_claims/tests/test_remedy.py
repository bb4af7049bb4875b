# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ..models.adv_claim_remedy import AdvClaimRemedy
from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestRemedy(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.make_qualified_claim(quantity=4)

    def remedy(self, remedy_type, user=None, **values):
        return self.make_remedy(self.claim, remedy_type, user=user, **values)

    def add_move_line(self, quantity):
        return self.env["adv.claim.line"].create(
            {"claim_id": self.claim.id, "move_id": self.tile_move.id, "quantity": quantity}
        )

    def test_partial_credit_note_on_the_claimed_invoice_lines(self):
        remedy = self.remedy("credit_note")
        self.assertEqual(remedy.amount, 200.0)
        action = remedy.action_execute()
        refund = remedy.account_move_id
        self.assertEqual(action["params"]["next"]["res_id"], refund.id)
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.reversed_entry_id, self.invoice)
        self.assertEqual(refund.partner_id, self.invoice.partner_id)
        self.assertEqual(refund.invoice_line_ids.product_id, self.tiles)
        self.assertEqual(refund.invoice_line_ids.quantity, 4.0)
        self.assertEqual(refund.amount_untaxed, 200.0)
        self.assertEqual(refund.invoice_line_ids.tax_ids, self.tile_invoice_line.tax_ids)
        self.assertEqual(remedy.state, "done")
        self.assertEqual(remedy.done_by_id, self.handler)
        self.assertEqual(self.claim.amount_stake, 400.0)
        with self.assertRaises(UserError) as cm:
            remedy.action_execute()
        self.assertIn("already done", str(cm.exception))
        with self.assertRaises(UserError) as cm:
            remedy.amount = 10.0
        self.assertIn("cannot change", str(cm.exception))

    def test_full_credit_note_only_when_the_claimed_lines_are_the_whole_invoice(self):
        partial = self.remedy("credit_note", user=self.adv_manager, credit_scope="invoice")
        self.assertEqual(partial.amount, 200.0)  # the value of the 4 claimed tiles
        with self.assertRaises(UserError) as cm:
            partial.with_user(self.adv_manager).action_execute()
        self.assertIn("whole invoice", str(cm.exception))
        # A claim on every line of an invoice, at the invoiced quantities: a reversal.
        __, __, invoice = self.make_sold_delivered_invoiced(self.customer)
        claim = self.make_claim(
            invoice_id=invoice.id,
            line_ids=[
                Command.create({"invoice_line_id": line.id, "quantity": line.quantity})
                for line in invoice.invoice_line_ids
            ],
        )
        whole = self.make_remedy(
            claim, "credit_note", user=self.adv_manager, credit_scope="invoice"
        )
        self.assertEqual(whole.amount, invoice.amount_untaxed)
        whole.with_user(self.adv_manager).action_execute()
        refund = whole.account_move_id
        self.assertEqual(refund.reversed_entry_id, invoice)
        self.assertEqual(refund.amount_total, invoice.amount_total)

    def test_a_credit_note_amounts_to_its_claimed_lines(self):
        """A credit note of 1 does not refund the invoice: its amount is its claimed lines'
        value, and its document is those lines at their claimed quantities and values."""
        with self.assertRaises(ValidationError) as cm:
            self.remedy("credit_note", amount=1.0)
        self.assertIn("value of its claimed lines", str(cm.exception))
        remedy = self.remedy("credit_note")
        with self.assertRaises(ValidationError):
            remedy.amount = 1.0
        # A lower price agreed on the claimed line: the credit note follows it.
        self.claim.line_ids.price_unit = 30.0
        self.assertEqual(remedy.amount, 120.0)
        remedy.action_execute()
        refund = remedy.account_move_id
        self.assertEqual(
            refund.invoice_line_ids.mapped(lambda l: (l.product_id, l.quantity, l.price_unit)),
            [(self.tiles, 4.0, 30.0)],
        )
        self.assertEqual(refund.amount_untaxed, 120.0)
        self.assertEqual(refund.amount_untaxed, remedy.amount)
        self.assertLess(refund.amount_total, self.invoice.amount_total)

    def test_return_to_stock_and_to_scrap(self):
        self.add_move_line(3)
        remedy = self.remedy("return")
        remedy.action_execute()
        picking = remedy.picking_id
        self.assertEqual(picking.picking_type_id.code, "incoming")
        self.assertEqual(picking.return_id, self.delivery)
        self.assertEqual(picking.move_ids.product_uom_qty, 3.0)
        self.assertEqual(picking.location_dest_id, self.delivery.location_id)
        scrap_remedy = self.remedy("return", return_destination="scrap")
        scrap_remedy.action_execute()
        scrapped = scrap_remedy.picking_id
        self.assertTrue(scrapped.location_dest_id.scrap_location)
        self.assertTrue(all(scrapped.move_ids.location_dest_id.mapped("scrap_location")))

    def test_replacement_order_and_delivery(self):
        remedy = self.remedy("replacement")
        self.assertEqual(remedy.amount, 120.0)  # 4 tiles at a cost of 30
        remedy.action_execute()
        order = remedy.sale_order_id
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.origin, self.claim.name)
        self.assertEqual(
            order.order_line.mapped(lambda l: (l.product_id, l.product_uom_qty, l.price_unit)),
            [(self.tiles, 4.0, 0.0)],
        )
        self.assertEqual(remedy.picking_id, order.picking_ids)
        picking_remedy = self.remedy("replacement", replacement_mode="picking")
        picking_remedy.action_execute()
        picking = picking_remedy.picking_id
        self.assertEqual(picking.picking_type_id.code, "outgoing")
        self.assertEqual(picking.partner_id, self.customer)
        self.assertEqual(picking.move_ids.product_uom_qty, 4.0)
        self.assertEqual(picking.state, "assigned")  # consumable tiles: always available

    def test_commercial_gesture_and_reinvoicing(self):
        gesture = self.remedy("gesture", amount=75.0, note="Sorry for the trouble")
        gesture.action_execute()
        self.assertEqual(gesture.account_move_id.move_type, "out_refund")
        self.assertEqual(gesture.account_move_id.amount_total, 75.0)
        self.assertEqual(gesture.account_move_id.partner_id, self.customer)
        reinvoice = self.remedy("reinvoice", amount=40.0, note="Return transport")
        reinvoice.action_execute()
        self.assertEqual(reinvoice.account_move_id.move_type, "out_invoice")
        self.assertEqual(reinvoice.account_move_id.amount_total, 40.0)

    def test_back_charge_creates_a_vendor_refund_and_calls_the_hook(self):
        remedy = self.remedy("back_charge", amount=180.0, partner_id=self.carrier_partner.id)
        with patch.object(AdvClaimRemedy, "_adv_back_charge_created", autospec=True) as hook:
            remedy.action_execute()
        hook.assert_called_once_with(remedy)
        bill = remedy.account_move_id
        self.assertEqual(bill.move_type, "in_refund")
        self.assertEqual(bill.partner_id, self.carrier_partner)
        self.assertEqual(bill.amount_total, 180.0)
        self.assertEqual(bill.state, "draft")
        self.assertEqual(remedy.picking_id, self.delivery)
        without_partner = self.remedy("back_charge", amount=10.0)
        with self.assertRaises(UserError) as cm:
            without_partner.action_execute()
        self.assertIn("carrier or supplier to charge", str(cm.exception))

    def test_delegation_refusal_then_approval(self):
        gesture = self.remedy("gesture", amount=600.0)  # a handler's gesture stops at 500
        with self.assertRaises(UserError) as cm:
            gesture.action_execute()
        self.assertIn("above your delegation", str(cm.exception))
        gesture.action_request_approval()
        self.assertEqual(gesture.state, "to_approve")
        approval = self.claim.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_remedy_approval")
            )
        )
        self.assertIn(self.adv_manager, approval.user_id)
        with self.assertRaises(UserError) as cm:
            gesture.with_user(self.handler).action_approve()
        self.assertIn("above your delegation", str(cm.exception))
        gesture.with_user(self.adv_manager).action_approve()
        gesture.with_user(self.handler).action_execute()
        self.assertEqual(gesture.state, "done")
        self.assertEqual(gesture.approved_by_id, self.adv_manager)
        # A credit note within the 1 000 of the general line is fine for the handler.
        self.remedy("credit_note").action_execute()

    def test_a_holder_of_a_remedy_type_line_only_approves_that_type(self):
        delegation = self.env["adv.claim.delegation"]
        gestures_only = new_test_user(
            self.env, login="claim_gesture_approver", company_id=self.company.id
        )
        delegation.create(
            {
                "user_id": gestures_only.id,
                "remedy_type": "gesture",
                "max_amount": 1000.0,
                "company_id": self.company.id,
            }
        )
        self.assertIn(gestures_only, delegation._approvers_for(self.company, 600.0, "gesture"))
        self.assertNotIn(gestures_only, delegation._approvers_for(self.company, 1200.0, "gesture"))
        self.assertNotIn(gestures_only, delegation._approvers_for(self.company, 600.0, "return"))
        self.assertNotIn(gestures_only, delegation._approvers_for(self.company, 600.0))

    def test_no_remedy_on_a_finished_claim_and_user_without_right(self):
        with self.assertRaises(UserError):
            self.remedy("gesture", user=self.adv_user, amount=1.0)  # read-only ADV user
        self.claim.action_resolve()
        with self.assertRaises(UserError) as cm:
            self.remedy("gesture", amount=10.0)
        self.assertIn("is finished", str(cm.exception))
