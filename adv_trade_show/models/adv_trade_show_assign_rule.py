# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .adv_trade_show_capture import CAPTURE_LANG


class AdvTradeShowAssignRule(models.Model):
    """Who follows up a visitor: the first rule (by sequence) whose criteria all match the
    capture's country, product interests and language; an empty criterion matches anything."""

    _name = "adv.trade.show.assign.rule"
    _description = "Trade Show Lead Assignment Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    show_id = fields.Many2one(
        comodel_name="adv.trade.show",
        check_company=True,
        help="Only for this show; empty: every show.",
    )
    country_ids = fields.Many2many(comodel_name="res.country", string="Countries")
    product_ids = fields.Many2many(comodel_name="product.template", string="Products")
    lang = fields.Selection(CAPTURE_LANG, string="Language")
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", required=True)
    team_id = fields.Many2one(comodel_name="crm.team", string="Sales Team", check_company=True)

    def _matches(self, capture):
        self.ensure_one()
        return (
            (not self.show_id or self.show_id == capture.show_id)
            and (not self.country_ids or capture.country_id in self.country_ids)
            and (not self.product_ids or bool(self.product_ids & capture.product_ids))
            and (not self.lang or self.lang == capture.lang)
        )

    def _find_for(self, capture):
        """The rule for ``capture`` among ``self`` (already loaded, in order), or nothing."""
        for rule in self:
            if rule.company_id == capture.company_id and rule._matches(capture):
                return rule
        return self.browse()
