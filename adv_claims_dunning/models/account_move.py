# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    adv_claim_ids = fields.One2many(
        comodel_name="adv.claim",
        inverse_name="invoice_id",
        string="Claims on this invoice",
        help="Read by dunning through its suspension hook: an open claim suspends the invoice.",
    )

    @api.depends("adv_claim_ids.state")
    def _compute_adv_dunning_suspension(self):
        """Adds the claims to the dependencies: the invoice shows a claim's suspension as soon
        as the claim is opened, and no more once it is closed, rejected, moved or deleted."""
        return super()._compute_adv_dunning_suspension()
