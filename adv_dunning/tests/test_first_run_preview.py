# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a first run would send: the notices of a run of today by level, and nothing written."""

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestFirstRunPreview(DunningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.old = cls.invoice(500.0, "2026-03-01")  # 35 days on 5 April: phone call
        cls.recent = cls.invoice(300.0, "2026-03-25")  # 11 days: first reminder
        cls.other = cls.invoice(200.0, "2026-03-20", partner=cls.customer_2)  # 16: second

    def dry_run(self, user=None):
        wizard = self.env["adv.dunning.first.run"].with_user(user or self.collector).create({})
        wizard.action_compute()
        return wizard

    def written(self):
        receivables = (self.old | self.recent | self.other).line_ids.filtered(
            lambda ln: ln.account_type == "asset_receivable"
        )
        return (
            self.env["adv.dunning.run"].sudo().search_count([]),
            self.env["adv.dunning.notice"].sudo().with_context(active_test=False).search_count([]),
            self.env["mail.mail"].sudo().search_count([]),
            receivables.mapped("adv_dunning_level_id"),
        )

    @freeze_time("2026-04-05")
    def test_the_notices_by_level_and_nothing_written(self):
        before = self.written()
        wizard = self.dry_run()
        self.env.invalidate_all()
        self.assertEqual(self.written(), before)
        self.assertFalse(before[3], "no level is written on the receivable lines")
        self.assertEqual(wizard.notice_count, 2)
        self.assertAlmostEqual(wizard.amount_due, 1000.0)
        self.assertEqual(
            {
                (ln.partner_id, ln.level_id.name, ln.item_count, ln.amount_due)
                for ln in wizard.line_ids
            },
            {
                (self.customer, "Phone call", 2, 800.0),
                (self.customer_2, "Second reminder", 1, 200.0),
            },
        )
        # The run itself then sends exactly these notices.
        run = self.dun()
        self.assertEqual(
            {(n.partner_id, n.level_id) for n in run.notice_ids},
            {(ln.partner_id, ln.level_id) for ln in wizard.line_ids},
        )

    @freeze_time("2026-04-05")
    def test_only_collectors_run_it(self):
        with self.assertRaises(AccessError):
            self.dry_run(self.adv_user)
