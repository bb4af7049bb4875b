# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    adv_dunning_policy_id = fields.Many2one(
        comodel_name="adv.dunning.policy",
        string="Default dunning policy",
        default=lambda self: self.env.ref("adv_dunning.policy_fr_b2b", raise_if_not_found=False),
        help="Applies to the customers without a policy of their own.",
    )
    adv_dunning_post_fees = fields.Boolean(
        string="Invoice penalties and indemnities",
        help="When a level adds fees, post them as a customer invoice outside the scope of VAT.",
    )
    adv_dunning_batch_size = fields.Integer(
        string="Dunning batch size",
        default=500,
        help="Customers processed (and committed) together by the daily run.",
    )
    adv_dunning_collector_id = fields.Many2one(
        comodel_name="res.users",
        string="Credit collector",
        help="Gets the calls, letters to post and hand-overs of the daily dunning run. Empty: the "
        "customer's salesperson.",
    )
    adv_mentions_require_terms = fields.Boolean(
        string="Payment terms required on French B2B invoices",
        help="Refuse to post an invoice of a French company to a professional customer without "
        "payment terms: the payment conditions it must state (C. com. L441-9) would rest on a "
        "typed due date alone. Off: the invoice is posted with a warning.",
    )
