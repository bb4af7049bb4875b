# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import models
from odoo.exceptions import AccessError

from . import receivable_summary

_logger = logging.getLogger(__name__)

PROTECTED_MOVE_FIELDS = {
    "amount_total",
    "amount_total_signed",
    "amount_residual",
    "amount_residual_signed",
    "commercial_partner_id",
}
PROTECTED_LINE_FIELDS = {
    "amount_residual",
    "amount_residual_currency",
    "reconciled",
    "sale_line_ids",
}


class AccountMove(models.Model):
    _inherit = "account.move"

    def init(self):
        """Partial indexes that keep the exposure queries constant-time per customer.

        Odoo indexes neither a customer's draft invoices nor their paid ones, and its own index
        of open items starts with the account: on a customer with tens of thousands of invoices
        the control would scan them all. The open-items index carries the summed columns
        (INCLUDE) so the receivables sum is an index-only scan.
        """
        res = super().init()
        cr = self.env.cr
        cr.execute("""
            CREATE INDEX IF NOT EXISTS adv_account_move_customer_draft_idx
                ON account_move (commercial_partner_id, company_id)
             WHERE state = 'draft' AND move_type IN ('out_invoice', 'out_refund');
            CREATE INDEX IF NOT EXISTS adv_account_move_customer_paid_idx
                ON account_move (commercial_partner_id, company_id)
             WHERE state = 'posted' AND move_type = 'out_invoice'
               AND payment_state IN ('paid', 'in_payment');
            CREATE INDEX IF NOT EXISTS adv_account_move_line_open_partner_account_idx
                ON account_move_line (partner_id, account_id)
           INCLUDE (company_id, amount_residual, date_maturity)
             WHERE parent_state = 'posted' AND reconciled IS NOT TRUE;
        """)
        return res

    def _invoice_paid_hook(self):
        """A customer paid: their held orders that now pass are confirmed."""
        res = super()._invoice_paid_hook()
        invoices = self.filtered(lambda m: m.move_type == "out_invoice")
        for company in invoices.company_id:
            paid = invoices.filtered(lambda m, c=company: m.company_id == c)
            # Never make the accountant's payment fail: a failure is logged and the held orders
            # are evaluated again by the daily cron (or at the customer's next payment).
            try:
                with self.env.cr.savepoint():
                    self.env["sale.order"].sudo()._adv_reevaluate_held_orders(
                        paid.commercial_partner_id, company
                    )
            except Exception:
                _logger.exception(
                    "Credit control: held orders of %s not re-evaluated after a payment",
                    paid.commercial_partner_id.ids,
                )
        return res

    def write(self, vals):
        """The amounts, customer and payment status the exposure reads are Odoo's computation
        (a user may still block or unblock the payment of an invoice)."""
        written = PROTECTED_MOVE_FIELDS & set(vals)
        if vals.get("payment_state") not in (None, "not_paid", "blocked"):
            written.add("payment_state")
        if written and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of journal entries are computed by Odoo: they cannot be written.",
                    fields=", ".join(sorted(written)),
                )
            )
        return super().write(vals)

    def _post(self, soft=True):
        invoices = self.filtered(
            lambda m: m.move_type == "out_invoice" and m.company_id.adv_recheck_invoice
        )
        orders = invoices.line_ids.sale_line_ids.order_id
        if orders:
            orders._adv_recheck(self.env._("invoice posting"))
        return super()._post(soft=soft)


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def write(self, vals):
        """What the exposure sums is Odoo's computation: residuals and reconciliation come from
        payments, and an invoice line is tied to the order lines it invoices when it is made."""
        written = PROTECTED_LINE_FIELDS & set(vals)
        if written and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of journal items are computed by Odoo: they cannot be written.",
                    fields=", ".join(sorted(written)),
                )
            )
        return super().write(vals)

    def init(self):
        """The open receivables summed ahead for the credit control (see receivable_summary)."""
        res = super().init()
        receivable_summary.install(self.env.cr)
        return res
