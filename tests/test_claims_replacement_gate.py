# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims asks the suite's confirmation gate (``adv.confirmation.gate``, in adv_base) before it
confirms a replacement order; order control answers. adv_claims does not depend on order control:
this test lives with the suite, where both are installed."""

from odoo.tests import tagged

from odoo.addons.adv_claims.tests.common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestReplacementAsksTheGate(ClaimsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.make_qualified_claim()

    def test_a_refused_replacement_is_not_done_and_says_why(self):
        hold = self.customer.with_company(self.company)._adv_set_credit_hold(
            "Cheque returned", company=self.company
        )
        self.assertEqual(self.env["adv.confirmation.gate"]._refusals(self.env["sale.order"]), {})
        remedy = self.make_remedy(self.claim, "replacement")
        action = remedy.action_execute()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("Cheque returned", action["params"]["message"])
        order = remedy.sale_order_id
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)
        self.assertNotEqual(remedy.state, "done")
        self.assertIn("was not confirmed", self.claim.message_ids[0].body)
        # The refusal is order control's own record: the controllers can release the order.
        self.assertEqual(order.adv_last_check_id.state, "open")
        self.assertIn("credit_hold", order.adv_last_check_id.line_ids.mapped("rule"))
        self.assertEqual(self.env["adv.confirmation.gate"]._refusals(order).keys(), {order.id})
        # The hold lifted, carrying the remedy out again confirms the same quotation.
        hold.action_lift()
        remedy.with_user(self.handler).action_execute()
        self.assertEqual((remedy.state, remedy.sale_order_id, order.state), ("done", order, "sale"))
        self.assertEqual(remedy.picking_id, order.picking_ids)
