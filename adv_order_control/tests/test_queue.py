# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Release or refuse from the controller's queue: a tap on a row or a card asks for the reason in
a small dialog; the decision goes through the same server checks as the form."""

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import DelegationCommon


@tagged("post_install", "-at_install")
class TestQueueDecision(DelegationCommon):
    def decide(self, checks, user, method, reason, expiry=False):
        """Tap the button as ``user``, fill the dialog in, confirm it: the dialog's result."""
        action = getattr(checks.with_user(user), method)()
        self.assertEqual(
            (action["res_model"], action["target"]), ("adv.order.check.decision", "new")
        )
        Decision = self.env[action["res_model"]].with_user(user).with_context(**action["context"])
        with Form(Decision) as dialog:
            dialog.reason = reason
            if expiry:
                dialog.expiry = expiry
        return dialog.record.action_apply()

    def test_release_from_the_queue(self):
        order, check = self.blocked(10000.0)  # over by 2 000: within the controller's delegation
        result = self.decide(check, self.controller, "action_open_release", "Known payer")
        # Acknowledged, then the dialog closes.
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn(f"{order.name} released until", result["params"]["message"])
        self.assertEqual(result["params"]["next"], {"type": "ir.actions.act_window_close"})
        self.assertEqual(
            (check.state, check.release_user_id, check.release_reason),
            ("released", self.controller, "Known payer"),
        )
        self.assertIs(order.action_confirm(), True)

    def test_refuse_from_the_queue(self):
        order, check = self.blocked(10000.0)
        self.decide(check, self.controller, "action_open_refuse", "Too risky this month")
        self.assertEqual((check.state, check.release_reason), ("refused", "Too risky this month"))
        refusal = order.message_ids.filtered(lambda m: "Too risky this month" in m.body)
        self.assertIn(self.salesman.partner_id, refusal.partner_ids)

    def test_several_rows_at_once(self):
        (_o1, c1), (_o2, c2) = self.blocked(9000.0), self.blocked(9500.0)
        self.decide(c1 | c2, self.controller, "action_open_refuse", "Customer in receivership")
        self.assertEqual((c1 | c2).mapped("state"), ["refused", "refused"])

    def test_the_reason_is_still_required(self):
        _order, check = self.blocked(10000.0)
        with self.assertRaisesRegex(UserError, "Give the reason of the release"):
            self.decide(check, self.controller, "action_open_release", "   ")
        self.assertEqual(check.state, "open")

    def test_beyond_the_delegation_it_escalates_then_closes_the_dialog(self):
        _order, check = self.blocked(20000.0)  # over by 14 000
        result = self.decide(check, self.controller, "action_open_release", "Season order")
        self.assertEqual(result["params"]["title"], "Escalated")
        self.assertEqual(result["params"]["next"], {"type": "ir.actions.act_window_close"})
        self.assertEqual(check.state, "open")
        self.assertIn(self.director, check.escalated_to_ids)

    def test_a_block_takes_a_manager(self):
        self.customer.with_user(self.controller)._adv_set_credit_hold("Cheque returned")
        _order, check = self.blocked(10.0)
        with self.assertRaises(AccessError):
            self.decide(check, self.controller, "action_open_release", "Customer called")
        self.decide(check, self.adv_manager, "action_open_release", "Bank guarantee")
        self.assertEqual(check.state, "released")

    def test_a_salesperson_has_no_buttons_and_cannot_decide(self):
        _order, check = self.blocked(10000.0)
        with self.assertRaises(AccessError):
            check.with_user(self.salesman).action_open_release()
        Check = self.env["adv.order.check"]
        for view_type in ("list", "kanban"):
            arch = Check.with_user(self.salesman).get_views([(False, view_type)])["views"]
            self.assertNotIn("action_open_release", arch[view_type]["arch"])
            arch = Check.with_user(self.controller).get_views([(False, view_type)])["views"]
            self.assertIn("action_open_release", arch[view_type]["arch"])

    def test_a_decided_check_cannot_be_decided_again(self):
        _order, check = self.blocked(10000.0)
        self.decide(check, self.controller, "action_open_refuse", "No")
        with self.assertRaisesRegex(UserError, "Only waiting credit checks"):
            check.with_user(self.controller).action_open_release()
