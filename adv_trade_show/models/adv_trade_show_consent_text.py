# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvTradeShowConsentText(models.Model):
    """The privacy notice shown to visitors. A new wording is a new version (a new record):
    each consent keeps the version and the exact text the visitor was shown."""

    _name = "adv.trade.show.consent.text"
    _description = "Trade Show Privacy Notice"
    _order = "id desc"

    name = fields.Char(string="Version", required=True)
    active = fields.Boolean(default=True)
    body = fields.Text(string="Text Shown", required=True, translate=True)
    marketing_body = fields.Text(
        string="Marketing Opt-in Text",
        required=True,
        translate=True,
        help="The separate question asked for marketing e-mails; never pre-ticked.",
    )
