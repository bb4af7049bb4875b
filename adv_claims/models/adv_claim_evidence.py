# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AdvClaimEvidence(models.Model):
    """A proof attached to a claim: files (photos, delivery note) or a written statement."""

    _name = "adv.claim.evidence"
    _description = "Claim evidence"
    _order = "claim_id, id"

    claim_id = fields.Many2one(
        comodel_name="adv.claim", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    kind_id = fields.Many2one(comodel_name="adv.claim.evidence.kind", required=True)
    attachment_ids = fields.Many2many(comodel_name="ir.attachment", string="Files")
    note = fields.Char()
    date = fields.Date(default=fields.Date.context_today)

    @api.constrains("kind_id", "attachment_ids", "note")
    def _check_content(self):
        for evidence in self:
            if not evidence.attachment_ids and not evidence.note:
                raise ValidationError(
                    self.env._(
                        "Evidence %(kind)s needs a file or a note.", kind=evidence.kind_id.name
                    )
                )
