# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class AdvDunningPolicy(models.Model):
    _name = "adv.dunning.policy"
    _description = "Dunning policy"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)
    level_ids = fields.One2many(
        comodel_name="adv.dunning.level", inverse_name="policy_id", string="Levels", copy=True
    )
    contract_rate = fields.Float(
        string="Contract penalty rate (%)",
        help="Rate of your terms of sale; empty: ECB + 10 points. Never below 3 x the legal rate.",
    )
    active = fields.Boolean(default=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_company_default(self):
        companies = (
            self.env["res.company"].sudo().search([("adv_dunning_policy_id", "in", self.ids)])
        )
        if companies:
            raise UserError(
                self.env._(
                    "This policy is the default of %(companies)s: choose another one first.",
                    companies=", ".join(companies.mapped("name")),
                )
            )
