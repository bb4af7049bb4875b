# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _post(self, soft=True):
        invoices = self.filtered(
            lambda m: m.move_type == "out_invoice" and m.company_id.adv_recheck_invoice
        )
        orders = invoices.line_ids.sale_line_ids.order_id
        if orders:
            orders._adv_recheck(self.env._("invoice posting"))
        return super()._post(soft=soft)
