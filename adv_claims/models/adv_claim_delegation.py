# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .adv_claim_remedy import REMEDY_TYPES


class AdvClaimDelegation(models.Model):
    """The approval matrix of the claims: up to which amount a group or a user decides, per
    remedy type (the scope of ``adv.delegation.mixin``).

    A line without remedy type covers every remedy and is also the handler's delegation for the
    claim's stake (above it the claim escalates to sales management). A user's own lines win over
    their groups'; for each holder a line for the very remedy type wins over its catch-all line;
    among several holders the most generous applies.
    """

    _name = "adv.claim.delegation"
    _inherit = ["adv.delegation.mixin"]
    _description = "Claim delegation"
    _order = "company_id, remedy_type, unlimited, max_amount"

    remedy_type = fields.Selection(
        selection=REMEDY_TYPES, help="Empty: every remedy, and the claim's stake."
    )

    @api.depends("remedy_type")
    def _compute_name(self):
        return super()._compute_name()

    # ------------------------------------------------------------
    # Scope of the mixin: the remedy type (False: the claim's stake)
    # ------------------------------------------------------------

    def _delegation_scope_domain(self, scope):
        """A remedy type's own lines and the catch-all ones; the stake: the catch-all ones."""
        return [("remedy_type", "in", [scope, False] if scope else [False])]

    def _delegation_retain(self, lines, scope):
        """A holder's line for the very remedy type wins over its catch-all line."""
        return lines.filtered(lambda d: d.remedy_type == scope) or lines

    def _delegation_scope_label(self):
        labels = dict(self._fields["remedy_type"]._description_selection(self.env))
        return labels.get(self.remedy_type, "*")
