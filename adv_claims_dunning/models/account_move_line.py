# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.osv import expression

from odoo.addons.adv_claims.models.adv_claim import CLOSED_STATES


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    @api.model
    def _adv_dunning_suspensions(self, domain, today=None):
        """An open claim on an invoice suspends the dunning of its receivables, with the oldest
        open claim as reason; a collector's dispute stays first. Two searches for the whole set,
        whoever asks (the claims are read as superuser: a collector needs no claim right)."""
        suspensions = super()._adv_dunning_suspensions(domain, today)
        Claim = self.env["adv.claim"].sudo()
        open_claims = [("invoice_id", "!=", False), ("state", "not in", CLOSED_STATES)]
        lines = self.search_fetch(
            expression.AND(
                [domain, [("move_id", "in", Claim._search(open_claims).subselect("invoice_id"))]]
            ),
            ["move_id"],
        )
        if not lines:
            return suspensions
        oldest = {}
        claims = Claim.search(
            expression.AND([open_claims, [("invoice_id", "in", lines.move_id.ids)]]),
            order="date_claim, id",
        )
        for claim in claims:
            oldest.setdefault(claim.invoice_id.id, claim)
        for line in lines:
            claim = oldest[line.move_id.id]
            suspensions.setdefault(
                line.id,
                self.env._("Claim %(claim)s: %(subject)s", claim=claim.name, subject=claim.subject),
            )
        return suspensions
