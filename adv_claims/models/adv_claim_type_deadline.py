# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .adv_claim import SEVERITIES


class AdvClaimTypeDeadline(models.Model):
    _name = "adv.claim.type.deadline"
    _description = "Claim deadlines per severity"
    _order = "type_id, severity"
    _sql_constraints = [
        (
            "type_severity_unique",
            "UNIQUE(type_id, severity)",
            "One line of deadlines per claim type and severity.",
        ),
        ("days_positive", "CHECK(ack_days >= 0 AND resolution_days >= 0)", "Days are >= 0."),
    ]

    type_id = fields.Many2one(comodel_name="adv.claim.type", required=True, ondelete="cascade")
    severity = fields.Selection(selection=SEVERITIES, required=True)
    ack_days = fields.Integer(
        string="Acknowledge within (days)", default=1, help="Calendar days after receipt."
    )
    resolution_days = fields.Integer(
        string="Resolve within (days)", default=15, help="Calendar days after receipt."
    )
