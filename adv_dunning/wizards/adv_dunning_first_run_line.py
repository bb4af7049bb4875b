# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvDunningFirstRunLine(models.TransientModel):
    """One notice a first dunning run would send: customer, level and amount claimed."""

    _name = "adv.dunning.first.run.line"
    _description = "What a first dunning run would send: a notice"
    _order = "level_days, partner_id"

    wizard_id = fields.Many2one(
        comodel_name="adv.dunning.first.run", required=True, ondelete="cascade", index=True
    )
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    level_id = fields.Many2one(comodel_name="adv.dunning.level", readonly=True)
    level_days = fields.Integer(string="Days after due date", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(string="Claimable", readonly=True)
    item_count = fields.Integer(string="Overdue items", readonly=True)
