# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import models

from odoo.addons.adv_base.tools.protected_fields import refuse_protected

_logger = logging.getLogger(__name__)

INDEXES = """
    CREATE INDEX IF NOT EXISTS adv_account_move_customer_draft_idx
        ON account_move (commercial_partner_id, company_id)
     WHERE state = 'draft' AND move_type IN ('out_invoice', 'out_refund');
    CREATE INDEX IF NOT EXISTS adv_account_move_customer_paid_idx
        ON account_move (commercial_partner_id, company_id)
     WHERE state = 'posted' AND move_type = 'out_invoice'
       AND payment_state IN ('paid', 'in_payment');
    DROP INDEX IF EXISTS adv_account_move_line_open_partner_account_idx;
"""
DROP_INDEXES = """
    DROP INDEX IF EXISTS adv_account_move_customer_draft_idx;
    DROP INDEX IF EXISTS adv_account_move_customer_paid_idx;
"""

PROTECTED_MOVE_FIELDS = {
    "amount_total",
    "amount_total_signed",
    "amount_residual",
    "amount_residual_signed",
    "commercial_partner_id",
}


class AccountMove(models.Model):
    _inherit = "account.move"

    def init(self):
        """Partial indexes that keep the exposure's probes constant-time per customer: Odoo
        indexes neither a customer's draft invoices nor their paid ones. (The open receivable
        items are summed ahead instead: see ``receivable_summary``; the index this addon once
        kept on them would only slow every journal item's write now.)"""
        res = super().init()
        self.env.cr.execute(INDEXES)
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
        protected = set(PROTECTED_MOVE_FIELDS)
        if vals.get("payment_state") not in (None, "not_paid", "blocked"):
            protected.add("payment_state")
        refuse_protected(self, [vals], protected)
        return super().write(vals)

    def _post(self, soft=True):
        invoices = self.filtered(
            lambda m: m.move_type == "out_invoice" and m.company_id.adv_recheck_invoice
        )
        orders = invoices.line_ids.sale_line_ids.order_id
        if orders:
            orders._adv_recheck(self.env._("invoice posting"))
        return super()._post(soft=soft)
