# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a claim needs to be qualified: its type, responsible party, severity, decision, lines,
the evidence its type requires and, for a carrier claim, the reserve dates."""

from odoo import models
from odoo.exceptions import UserError


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    def _get_qualification_errors(self):
        """What stops this claim from being qualified, as sentences (empty: complete)."""
        self.ensure_one()
        errors = []
        if not self.type_id:
            errors.append(self.env._("the claim type"))
        if not self.responsible_party:
            errors.append(self.env._("the responsible party"))
        if not self.severity:
            errors.append(self.env._("the severity"))
        if not self.justified:
            errors.append(self.env._("whether it is justified"))
        if not self.line_ids and self.type_id.requires_lines:
            errors.append(self.env._("the claimed lines"))
        errors.extend(
            self.env._("evidence: %(kind)s", kind=kind.name) for kind in self.missing_evidence_ids
        )
        if self.type_id.carrier_reserve and not (self.date_delivered and self.date_reserve):
            errors.append(self.env._("the delivery date and the date reserves were sent"))
        return errors

    def _check_qualification(self):
        for claim in self:
            errors = claim._get_qualification_errors()
            if errors:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot be qualified; missing: %(missing)s.",
                        claim=claim.name,
                        missing=", ".join(errors),
                    )
                )
