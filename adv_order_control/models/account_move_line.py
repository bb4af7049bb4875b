# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from odoo.addons.adv_base.tools.protected_fields import refuse_protected

from ..tools import receivable_summary

PROTECTED_LINE_FIELDS = {
    "amount_residual",
    "amount_residual_currency",
    "reconciled",
    "sale_line_ids",
}


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    def write(self, vals):
        """What the exposure sums is Odoo's computation: residuals and reconciliation come from
        payments, and an invoice line is tied to the order lines it invoices when it is made."""
        refuse_protected(self, [vals], PROTECTED_LINE_FIELDS)
        return super().write(vals)

    def init(self):
        """The open receivables summed ahead for the credit control (see receivable_summary)."""
        res = super().init()
        receivable_summary.install(self.env.cr)
        return res
