# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from ast import literal_eval

from odoo import api, fields, models

from .adv_claim import RESPONSIBLE_PARTIES


class AdvClaimType(models.Model):
    """What went wrong, as configuration: the evidence it needs and its deadlines per severity.

    A type owns an e-mail alias: a message a known contact sends to it becomes a claim of that
    type; one from an unknown sender waits as an intake (``adv.claim.intake``).
    """

    _name = "adv.claim.type"
    _inherit = ["mail.alias.mixin"]
    _description = "Claim type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", help="Empty: the type is shared by every company."
    )
    required_evidence_ids = fields.Many2many(
        comodel_name="adv.claim.evidence.kind",
        string="Required evidence",
        help="A claim of this type cannot be qualified before each of these is attached.",
    )
    requires_lines = fields.Boolean(
        string="Claimed lines required",
        default=True,
        help="A claim of this type names the order, delivery or invoice lines it is about.",
    )
    carrier_reserve = fields.Boolean(
        string="Carrier reserve (3 days)",
        help="Transport damage or loss: reserves must reach the carrier within three days of "
        "delivery, public holidays not counted (C. com. L133-3). A later reserve is flagged.",
    )
    default_responsible_party = fields.Selection(selection=RESPONSIBLE_PARTIES)
    acknowledge_unknown_senders = fields.Boolean(
        default=True,
        help="An e-mail to the alias from an unknown address waits for a handler (no contact, "
        "no claim); its sender gets an acknowledgement, at most one per address and day.",
    )
    deadline_ids = fields.One2many(
        comodel_name="adv.claim.type.deadline", inverse_name="type_id", string="Deadlines"
    )

    def _alias_get_creation_values(self):
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("adv.claim")
        if self.id:
            values["alias_defaults"] = defaults = literal_eval(self.alias_defaults or "{}")
            defaults["type_id"] = self.id
            defaults["channel"] = "email"
        return values

    @api.model
    def _deadline_table(self, type_ids):
        """``{(type id, severity): (acknowledgement days, resolution days)}`` in one read."""
        lines = self.env["adv.claim.type.deadline"].sudo().search([("type_id", "in", type_ids)])
        return {
            (line.type_id.id, line.severity): (line.ack_days, line.resolution_days)
            for line in lines
        }
