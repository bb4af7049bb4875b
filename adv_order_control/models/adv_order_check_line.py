# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.credit_rules import OUTCOMES, RULES


class AdvOrderCheckLine(models.Model):
    _name = "adv.order.check.line"
    _description = "Order credit check reason"
    _order = "id"

    check_id = fields.Many2one(
        comodel_name="adv.order.check", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="check_id.company_id", store=True)
    rule = fields.Char(
        string="Rule code", required=True, help="Code of the rule or check behind this line."
    )
    rule_label = fields.Char(string="Rule", compute="_compute_rule_label")
    outcome = fields.Selection(OUTCOMES, required=True)
    # In every language of the database (see ``sale.order._adv_translate_check_lines``): each
    # user reads the reason in theirs, whoever or whatever confirmed the order.
    message = fields.Char(required=True, translate=True)

    @api.depends("rule")
    @api.depends_context("lang")
    def _compute_rule_label(self):
        """Known rules get their translated name; another addon's code shows as is."""
        labels = dict(self._get_rule_labels())
        for line in self:
            line.rule_label = labels.get(line.rule, line.rule)

    def _get_rule_labels(self):
        return [(code, str(rule.label)) for code, rule in RULES.items()]
