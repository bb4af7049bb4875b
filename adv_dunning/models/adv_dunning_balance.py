# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class AdvDunningBalance(models.Model):
    """Customers by dunning level: each customer's open receivables today, by age, with the
    highest level notified among them (a read-only SQL view, in company currency)."""

    _name = "adv.dunning.balance"
    _description = "Customers by dunning level"
    _auto = False
    _order = "level_days desc, overdue desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    level_id = fields.Many2one(
        comodel_name="adv.dunning.level",
        string="Dunning level",
        readonly=True,
        group_expand="_expand_levels",
    )
    level_days = fields.Integer(readonly=True)
    last_dunning_date = fields.Date(string="Last dunned on", readonly=True)
    not_due = fields.Monetary(readonly=True)
    overdue_1_30 = fields.Monetary(string="1-30 days", readonly=True)
    overdue_31_60 = fields.Monetary(string="31-60 days", readonly=True)
    overdue_61_90 = fields.Monetary(string="61-90 days", readonly=True)
    overdue_90 = fields.Monetary(string="Over 90 days", readonly=True)
    overdue = fields.Monetary(readonly=True)
    total = fields.Monetary(string="Open receivables", readonly=True)
    phone = fields.Char(related="partner_id.phone")

    @api.model
    def _expand_levels(self, levels, domain):
        policies = self.env.companies.adv_dunning_policy_id
        return levels | policies.level_ids

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE VIEW %s AS (
                SELECT MIN(aml.id) AS id, cp.id AS partner_id, aml.company_id,
                       c.currency_id, cp.user_id,
                       (ARRAY_AGG(lv.id ORDER BY lv.days DESC NULLS LAST))[1] AS level_id,
                       MAX(lv.days) AS level_days,
                       MAX(aml.adv_dunning_date) AS last_dunning_date,
                       SUM(aml.amount_residual) FILTER (WHERE aml.date_maturity >= CURRENT_DATE
                                                          OR aml.date_maturity IS NULL)
                           AS not_due,
                       SUM(aml.amount_residual) FILTER (
                           WHERE CURRENT_DATE - aml.date_maturity BETWEEN 1 AND 30)
                           AS overdue_1_30,
                       SUM(aml.amount_residual) FILTER (
                           WHERE CURRENT_DATE - aml.date_maturity BETWEEN 31 AND 60)
                           AS overdue_31_60,
                       SUM(aml.amount_residual) FILTER (
                           WHERE CURRENT_DATE - aml.date_maturity BETWEEN 61 AND 90)
                           AS overdue_61_90,
                       SUM(aml.amount_residual) FILTER (
                           WHERE CURRENT_DATE - aml.date_maturity > 90) AS overdue_90,
                       SUM(aml.amount_residual) FILTER (WHERE aml.date_maturity < CURRENT_DATE)
                           AS overdue,
                       SUM(aml.amount_residual) AS total
                  FROM account_move_line aml
                  JOIN res_company c ON c.id = aml.company_id
                  JOIN res_partner p ON p.id = aml.partner_id
                  JOIN res_partner cp ON cp.id = p.commercial_partner_id
                  JOIN account_account a ON a.id = aml.account_id
             LEFT JOIN adv_dunning_level lv ON lv.id = aml.adv_dunning_level_id
                 WHERE a.account_type = 'asset_receivable'
                   AND aml.parent_state = 'posted'
                   AND aml.reconciled IS NOT TRUE
                   AND aml.amount_residual > 0
              GROUP BY cp.id, aml.company_id, c.currency_id, cp.user_id)""",
                SQL.identifier(self._table),
            )
        )

    def action_open_partner(self):
        self.ensure_one()
        return self.partner_id._get_records_action()
