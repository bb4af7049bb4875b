# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class AdvClaim(models.Model):
    """An open claim on an invoice puts it in dispute (dunning skips it); the last one closed,
    rejected, moved to another invoice or deleted lifts that dispute. Enforced here, so that
    every path that creates or changes a claim (form, portal, e-mail, import, RPC) does it."""

    _inherit = "adv.claim"

    def _adv_dispute_reason(self):
        self.ensure_one()
        return self.env._("Claim %(claim)s: %(subject)s", claim=self.name, subject=self.subject)

    @api.model_create_multi
    def create(self, vals_list):
        claims = super().create(vals_list)
        claims.invoice_id._adv_sync_claim_disputes()
        return claims

    def write(self, vals):
        watched = bool({"state", "invoice_id"} & set(vals))
        invoices = self.invoice_id if watched else self.env["account.move"]
        res = super().write(vals)
        if watched:
            (invoices | self.invoice_id)._adv_sync_claim_disputes()
        return res

    def unlink(self):
        # Before the deletion: the lines still say which claim disputed them.
        self.invoice_id._adv_sync_claim_disputes(excluded_claims=self)
        return super().unlink()
