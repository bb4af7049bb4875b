# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A sent notice is evidence: its run, itself and its lines are not deleted nor rewritten (a
collector attacking over JSON-RPC, the superuser too); it survives its invoice reset to draft,
and the penalties it invoiced are never invoiced again."""

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import DunningCommon

NOTICE, LINE, RUN = "adv.dunning.notice", "adv.dunning.notice.line", "adv.dunning.run"


@tagged("post_install", "-at_install")
class TestEvidenceKept(RpcMixin, DunningCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_web_user(
            cls.env,
            "dun_rpc_evidence",
            "Eve Collector",
            "adv_dunning.group_collector",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def sent_notice(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            return self.dun().notice_ids

    def test_a_collector_cannot_delete_nor_rewrite_a_sent_notice(self):
        notice = self.sent_notice()
        line = notice.line_ids
        self.authenticate("dun_rpc_evidence", "dun_rpc_evidence")
        deleted = "cannot be deleted"
        self.assertRefusedCall("UserError", NOTICE, "unlink", notice.ids, says=deleted)
        self.assertRefusedCall("UserError", RUN, "unlink", notice.run_id.ids, says=deleted)
        self.assertRefusedCall("UserError", LINE, "unlink", line.ids, says=deleted)
        self.assertRefusedCall("UserError", NOTICE, "write", notice.ids, {"state": "draft"})
        self.assertRefusedCall("UserError", NOTICE, "write", notice.ids, {"date_sent": False})
        self.assertRefusedCall("UserError", RUN, "write", notice.run_id.ids, {"state": "draft"})
        self.assertRefusedCall(
            "UserError", LINE, "write", line.ids, {"amount_residual": 1.0, "penalty": 0.0}
        )
        self.assertRefusedCall(
            "UserError",
            LINE,
            "create",
            [
                {
                    "notice_id": notice.id,
                    "company_id": self.company.id,
                    "currency_id": line.currency_id.id,
                    "level_id": line.level_id.id,
                    "amount_residual": 99.0,
                }
            ],
            says="No line can be added to a sent notice.",
        )
        # what remains allowed: archive it, cancel it
        self.call(NOTICE, "action_archive", notice.ids)
        self.call(NOTICE, "write", notice.ids, {"state": "cancel"})
        self.env.invalidate_all()
        self.assertTrue(notice.exists() and notice.run_id.exists() and line.exists())
        self.assertEqual((notice.state, notice.active), ("cancel", False))
        self.assertEqual(str(notice.date_sent), "2026-04-05")
        self.assertEqual(line.amount_residual, 500.0)

    def test_not_even_the_superuser_deletes_a_sent_notice(self):
        notice = self.sent_notice().sudo()
        with self.assertRaises(UserError):
            notice.unlink()
        with self.assertRaises(UserError):
            notice.run_id.unlink()  # the notices would go with it
        self.assertTrue(notice.exists())

    def test_a_preview_may_be_deleted(self):
        self.invoice(500.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            run = self.dun(send=False)
        run.with_user(self.collector).unlink()
        self.assertFalse(run.exists())

    def test_a_notice_survives_its_invoice_reset_and_no_penalty_twice(self):
        self.company.adv_dunning_post_fees = True
        inv = self.invoice(12000.0, "2025-05-31", date="2025-05-01")
        with freeze_time("2025-07-15"):  # 45 days: formal notice, with fees
            first = self.dun().notice_ids
        first_penalty = first.line_ids.penalty
        self.assertTrue(first_penalty)
        self.assertIn(first_penalty, first.fees_move_id.invoice_line_ids.mapped("price_unit"))
        old_item = self.receivable(inv)
        inv.button_draft()
        # two instalments, then one again: the receivable items are rebuilt
        inv.invoice_payment_term_id = self.env.ref("account.account_payment_term_advance_60days")
        inv.write({"invoice_payment_term_id": False, "invoice_date_due": "2025-05-31"})
        inv.action_post()
        self.assertFalse(old_item.exists())
        self.assertFalse(self.receivable(inv).adv_penalty_invoiced)
        line = first.line_ids
        self.assertEqual(
            (line.invoice_name, str(line.date_maturity), line.amount_residual, line.level_id),
            (inv.name, "2025-05-31", 12000.0, self.levels[45]),
        )
        self.assertEqual(line.penalty, first_penalty)
        with freeze_time("2025-07-30"):  # 60 days: litigation, fees again
            second = self.dun().notice_ids
        penalty_lines = second.fees_move_id.invoice_line_ids.filtered(
            lambda ln: "penalties" in ln.name
        )
        total = second.line_ids.filtered(lambda ln: ln.move_id == inv).penalty
        self.assertGreater(total, first_penalty)
        # only the penalties of the days since the first invoice of fees
        self.assertAlmostEqual(sum(penalty_lines.mapped("price_unit")), total - first_penalty)
        self.assertNotIn(40.0, second.fees_move_id.invoice_line_ids.mapped("price_unit"))
