# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningFees(DunningCommon):
    def test_penalties_across_a_half_year_on_the_notice(self):
        self.invoice(12000.0, "2025-05-31", date="2025-05-01")
        with freeze_time("2025-08-29"):  # 90 days late: litigation level
            notice = self.dun().notice_ids
        # June: 30 days at 13.15 %; July-August: 60 days at 12.15 % (see test_late_payment)
        self.assertAlmostEqual(notice.line_ids.penalty, 369.37)
        self.assertEqual(notice.indemnity, 40.0)
        self.assertEqual(notice.penalty_rate, 12.15)  # quoted in the formal notice
        self.assertFalse(notice.fees_move_id)  # the company does not post them

    def test_penalties_with_a_partial_payment(self):
        invoice = self.invoice(10000.0, "2025-09-30", date="2025-09-01")
        self.pay(invoice, amount=4000.0, date="2025-10-30")
        with freeze_time("2025-11-29"):  # 60 days late: 30 days on 10 000, 30 on 6 000
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Litigation")
        self.assertAlmostEqual(notice.line_ids.penalty, 159.78)
        self.assertEqual(notice.line_ids.amount_residual, 6000.0)

    def test_contract_rate_of_the_customer_policy(self):
        contract = self.policy.with_user(self.adv_manager).copy(
            {"name": "Terms of sale: 15 %", "contract_rate": 15.0}
        )
        self.customer.with_company(self.company).adv_dunning_policy_id = contract
        self.invoice(10000.0, "2025-09-30", date="2025-09-01")
        with freeze_time("2025-11-29"):  # 60 days at 15 %: 10 000 x 15 % x 60 / 365
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.policy_id, contract)
        self.assertAlmostEqual(notice.line_ids.penalty, 246.58)
        self.assertEqual(notice.penalty_rate, 15.0)

    def test_fees_invoiced_outside_vat_each_once(self):
        self.company.adv_dunning_post_fees = True
        self.invoice(12000.0, "2025-05-31", date="2025-05-01")
        with freeze_time("2025-08-29"):
            notice = self.dun().notice_ids
        fees = notice.fees_move_id
        self.assertEqual(fees.state, "posted")
        self.assertEqual(fees.partner_id, self.customer)
        self.assertFalse(fees.invoice_line_ids.tax_ids)
        self.assertAlmostEqual(fees.amount_total, 369.37 + 40.0)
        with self.assertRaises(UserError):
            notice.with_user(self.collector).action_invoice_fees()
        # A month later a second invoice reaches the formal notice: only the new penalties and
        # the indemnity of the new invoice are invoiced.
        self.invoice(1000.0, "2025-08-10", date="2025-07-10")
        with freeze_time("2025-09-28"):
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Formal notice")
        # first: 30 days at 13.15 % + 90 days at 12.15 % on 12 000 = 489.21, 369.37 invoiced;
        # second: 49 days at 12.15 % on 1 000 = 16.31; one indemnity of 40.
        self.assertAlmostEqual(notice.fees_move_id.amount_total, 119.84 + 16.31 + 40.0)
        self.assertEqual(len(notice.fees_move_id.invoice_line_ids), 3)

    def test_no_fees_before_the_formal_notice(self):
        self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        self.assertFalse(notice.line_ids.penalty)
        self.assertFalse(notice.indemnity)
