# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..tools.chase_rules import CHANNEL, CHASE_KIND


class AdvSupplyChaseLevel(models.Model):
    """A step of the chase of one kind of document: when (days after the document's reference
    date) and how (e-mail with a template, phone call, internal follow-up).

    A document goes straight to the highest level it deserves; reaching a higher level while a
    chase is still open closes it as escalated and opens the next one.
    """

    _name = "adv.supply.chase.level"
    _description = "Chase level"
    _order = "kind, delay_days, sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(
        selection=[k for k in CHASE_KIND if k[0] != "other"], required=True, index=True
    )
    sequence = fields.Integer(default=10)
    delay_days = fields.Integer(
        string="Days",
        required=True,
        help="Days after the document's reference date: approval of the order (not "
        "acknowledged), expected date (receipts and shipments; negative = before it), shipping "
        "date plus the carrier's transit time (proof of delivery).",
    )
    channel = fields.Selection(selection=CHANNEL, required=True, default="email")
    mail_template_id = fields.Many2one(
        comodel_name="mail.template",
        string="E-mail template",
        domain=[("model", "=", "adv.supply.chase")],
        help="Sent to the vendor or carrier in their language, the buyer in copy.",
    )
    escalation = fields.Boolean(
        help="The chase is escalated: the responsible's activity says so and the chase stands "
        "out in the worklist.",
    )
    company_id = fields.Many2one(comodel_name="res.company", index=True)
    active = fields.Boolean(default=True)
