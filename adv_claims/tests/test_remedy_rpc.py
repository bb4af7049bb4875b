# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A remedy's decision attacked as a remote caller would: a claim handler's HTTP session calling
``/web/dataset/call_kw`` with the values and context a script can send.

Every test reads the outcome back from the database after the call: without the guard it aims
at, the forged state, approval or document is saved and the test fails.
"""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestRemedyOverRpc(RpcMixin, ClaimsCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.make_qualified_claim(quantity=4)  # 4 tiles of 50.00: 200.00
        # The handler's own credit note delegation: 100 (their own line wins over the group's).
        cls.env["adv.claim.delegation"].create(
            {
                "user_id": cls.handler.id,
                "remedy_type": "credit_note",
                "max_amount": 100.0,
                "company_id": cls.company.id,
            }
        )

    def setUp(self):
        super().setUp()
        self.authenticate("claim_handler", "claim_handler")

    # ------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------

    def assertRefused(self, error, model, method, *args, says=None, **kwargs):
        self.assertRefusedCall(error, model, method, *args, says=says, **kwargs)

    def fresh(self, remedy):
        self.env.invalidate_all()
        return remedy

    def remedies(self):
        self.env.invalidate_all()
        return self.claim.remedy_ids

    # ------------------------------------------------------------
    # the decision is not data a caller writes
    # ------------------------------------------------------------

    def test_a_remedy_created_approved_is_refused(self):
        for values in (
            {"state": "approved"},
            {"state": "done"},
            {"approved_by_id": self.adv_manager.id},
            {"approved_amount": 1e6},
            {"account_move_id": self.invoice.id},
        ):
            self.assertRefused(
                "AccessError",
                "adv.claim.remedy",
                "create",
                [{"claim_id": self.claim.id, "remedy_type": "gesture", "amount": 600.0, **values}],
                says="change only through its actions",
            )
        # Nor through the claim's remedies.
        self.assertRefused(
            "AccessError",
            "adv.claim",
            "write",
            self.claim.ids,
            {
                "remedy_ids": [
                    Command.create({"remedy_type": "gesture", "amount": 600.0, "state": "approved"})
                ]
            },
        )
        self.assertFalse(self.remedies())

    def test_a_default_state_in_the_context_does_not_approve(self):
        ids = self.call(
            "adv.claim.remedy",
            "create",
            [{"claim_id": self.claim.id, "remedy_type": "gesture", "amount": 600.0}],
            context={
                "default_state": "approved",
                "default_approved_by_id": self.adv_manager.id,
                "default_approved_amount": 1e6,
            },
        )
        remedy = self.fresh(self.env["adv.claim.remedy"].browse(ids))
        self.assertEqual(remedy.state, "draft")
        self.assertFalse(remedy.approved_by_id)
        self.assertFalse(remedy.approved_amount)
        # Carrying it out is still checked against the handler's delegation (500 for a gesture).
        self.assertRefused(
            "UserError", "adv.claim.remedy", "action_execute", ids, says="above your delegation"
        )
        self.assertFalse(self.fresh(remedy).account_move_id)

    def test_writing_the_state_or_the_approval_is_refused(self):
        remedy = self.make_remedy(self.claim, "gesture", amount=600.0)
        for values in (
            {"state": "approved"},
            {"state": "to_approve"},
            {"approved_by_id": self.adv_manager.id, "approved_amount": 600.0},
            {"done_by_id": self.handler.id},
        ):
            self.assertRefused(
                "AccessError",
                "adv.claim.remedy",
                "write",
                remedy.ids,
                values,
                says="change only through its actions",
            )
        remedy = self.fresh(remedy)
        self.assertEqual(remedy.state, "draft")
        self.assertFalse(remedy.approved_by_id)
        # Approving above one's own delegation is refused too.
        self.call("adv.claim.remedy", "action_request_approval", remedy.ids)
        self.assertRefused(
            "UserError", "adv.claim.remedy", "action_approve", remedy.ids, says="above your"
        )
        self.assertEqual(self.fresh(remedy).state, "to_approve")

    def test_raising_an_approved_amount_needs_a_new_approval(self):
        remedy = self.make_remedy(self.claim, "gesture", amount=600.0)
        remedy.action_request_approval()
        remedy.with_user(self.adv_manager).action_approve()
        self.assertEqual(remedy.approved_amount, 600.0)
        self.call("adv.claim.remedy", "write", remedy.ids, {"amount": 5000.0})
        remedy = self.fresh(remedy)
        self.assertEqual(remedy.state, "draft", "the approval of 600 covered 5 000")
        self.assertFalse(remedy.approved_by_id)
        self.assertRefused(
            "UserError", "adv.claim.remedy", "action_execute", remedy.ids, says="above your"
        )
        self.assertFalse(self.fresh(remedy).account_move_id)
        # Lowering it keeps the approval: carried out at the lower amount.
        remedy.action_request_approval()
        remedy.with_user(self.adv_manager).action_approve()
        self.call("adv.claim.remedy", "write", remedy.ids, {"amount": 4000.0})
        self.assertEqual(self.fresh(remedy).state, "approved")
        self.call("adv.claim.remedy", "action_execute", remedy.ids)
        remedy = self.fresh(remedy)
        self.assertEqual(remedy.state, "done")
        self.assertEqual(remedy.account_move_id.amount_total, 4000.0)

    def test_a_credit_note_grown_after_its_approval_is_not_carried_out(self):
        """The claimed quantities raised after the approval: the amount grows without a write of
        the remedy, and the approval of 200 does not cover 400."""
        remedy = self.make_remedy(self.claim, "credit_note")
        self.assertEqual(remedy.amount, 200.0)
        remedy.action_request_approval()
        remedy.with_user(self.adv_manager).action_approve()
        self.call("adv.claim.line", "write", self.claim.line_ids.ids, {"quantity": 8.0})
        remedy = self.fresh(remedy)
        self.assertEqual(remedy.amount, 400.0)
        self.assertRefused(
            "UserError", "adv.claim.remedy", "action_execute", remedy.ids, says="above your"
        )
        self.assertFalse(self.fresh(remedy).account_move_id)

    def test_a_credit_note_of_one_is_refused(self):
        self.assertRefused(
            "ValidationError",
            "adv.claim.remedy",
            "create",
            [{"claim_id": self.claim.id, "remedy_type": "credit_note", "amount": 1.0}],
            says="value of its claimed lines",
        )
        self.assertFalse(self.remedies())
        # Nor a whole-invoice credit note on 4 claimed tiles.
        ids = self.call(
            "adv.claim.remedy",
            "create",
            [{"claim_id": self.claim.id, "remedy_type": "credit_note", "credit_scope": "invoice"}],
        )
        remedy = self.fresh(self.env["adv.claim.remedy"].browse(ids))
        self.assertEqual(remedy.amount, 200.0)
        for action in ("action_request_approval", "action_approve", "action_execute"):
            self.assertRefused("UserError", "adv.claim.remedy", action, ids, says="whole invoice")
        remedy = self.fresh(remedy)
        self.assertEqual(remedy.state, "draft")
        self.assertFalse(remedy.account_move_id)

    # ------------------------------------------------------------
    # the role and the suite's flow
    # ------------------------------------------------------------

    def test_the_handler_carries_out_a_credit_note_without_accounting_rights(self):
        self.assertFalse(self.handler.has_group("account.group_account_invoice"))
        remedy = self.make_remedy(self.claim, "credit_note")
        remedy.action_request_approval()
        remedy.with_user(self.adv_manager).action_approve()
        self.call("adv.claim.remedy", "action_execute", remedy.ids)
        refund = self.fresh(remedy).account_move_id
        self.assertEqual(remedy.state, "done")
        self.assertEqual(refund.move_type, "out_refund")
        self.assertEqual(refund.state, "draft")
        self.assertEqual(refund.amount_untaxed, 200.0)
        # Outside the suite's flow, the role gives no accounting document.
        self.assertRefused("AccessError", "account.move", "action_post", refund.ids)
        self.assertEqual(self.fresh(refund).state, "draft")
        self.assertRefused(
            "AccessError",
            "account.move",
            "create",
            [
                {
                    "move_type": "out_refund",
                    "partner_id": self.customer.id,
                    "invoice_line_ids": [Command.create({"name": "Gift", "price_unit": 1e5})],
                }
            ],
        )
        self.assertRefused("AccessError", "account.move", "write", refund.ids, {"ref": "changed"})
        self.assertFalse(
            self.env["account.move"].search(
                [("partner_id", "=", self.customer.id), ("amount_untaxed", "=", 1e5)]
            )
        )
