# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvClaimEvidenceKind(models.Model):
    """A kind of proof a claim type may require (photos, delivery note with reserves...)."""

    _name = "adv.claim.evidence.kind"
    _description = "Claim evidence kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True, help="What the customer or handler must provide.")
    active = fields.Boolean(default=True)
