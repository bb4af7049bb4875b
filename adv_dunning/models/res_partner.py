# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from odoo.addons.adv_base.tools.protected_fields import CUSTOMER_FIGURE_READERS


class ResPartner(models.Model):
    _inherit = "res.partner"

    adv_dunning_policy_id = fields.Many2one(
        comodel_name="adv.dunning.policy",
        string="Dunning policy",
        company_dependent=True,
        help="Empty: the company's default policy.",
    )
    adv_dunning_excluded_until = fields.Date(
        string="No dunning until",
        company_dependent=True,
        help="The customer is left out of dunning until this date included.",
    )
    adv_dunning_notice_ids = fields.One2many(
        comodel_name="adv.dunning.notice",
        inverse_name="partner_id",
        string="Dunning notices",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_dunning_level_id = fields.Many2one(
        comodel_name="adv.dunning.level",
        string="Dunning level",
        compute="_compute_adv_dunning_state",
        groups=CUSTOMER_FIGURE_READERS,
        help="Highest dunning level notified among the customer's open invoices.",
    )
    adv_dunning_overdue = fields.Monetary(
        string="Overdue (all invoices past due)",
        help="Every open invoice of the customer past its due date, in the current company. "
        "A dunning notice claims less (Claimable): only the items that reached a level after "
        "its days and minimum amount, without disputed or promised ones.",
        compute="_compute_adv_dunning_state",
        currency_field="adv_dunning_currency_id",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_dunning_currency_id = fields.Many2one(
        comodel_name="res.currency",
        compute="_compute_adv_dunning_state",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_dunning_notice_count = fields.Integer(
        compute="_compute_adv_dunning_state", groups=CUSTOMER_FIGURE_READERS
    )

    def _compute_adv_dunning_state(self):
        """The dunning state of the customers in the current company: read with sudo from the
        aged balance (one query), so that a salesperson sees it on their own customers without
        any access to the notices of others."""
        company = self.env.company
        commercial_ids = [pid for pid in self.commercial_partner_id.ids if isinstance(pid, int)]
        self.env.flush_all()  # the view reads the receivables in SQL
        # fetched in the query that filters on the customers (the view's grouping key): read
        # back by id, the view would aggregate every customer's receivables first
        balances = {
            b.partner_id.id: b
            for b in self.env["adv.dunning.balance"]
            .sudo()
            .search_fetch(
                [
                    ("partner_id", "in", commercial_ids),
                    ("company_id", "=", company.id),
                ],
                ["partner_id", "level_id", "overdue"],
            )
        }
        counts = dict(
            self.env["adv.dunning.notice"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", commercial_ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "sent"),
                ],
                ["partner_id"],
                ["__count"],
            )
        )
        user = self.env.user
        sees_all = (
            self.env.su
            or user.has_group("adv_base.group_user")
            or user.has_group("sales_team.group_sale_salesman_all_leads")
        )
        for partner in self:
            mine = partner.commercial_partner_id.user_id == user or partner.user_id == user
            balance = balances.get(partner.commercial_partner_id.id) if sees_all or mine else None
            partner.adv_dunning_level_id = balance.level_id if balance else False
            partner.adv_dunning_overdue = balance.overdue if balance else 0.0
            partner.adv_dunning_currency_id = company.currency_id
            partner.adv_dunning_notice_count = (
                counts.get(partner.commercial_partner_id, 0) if sees_all or mine else 0
            )

    def _adv_day_stake(self):
        """My Day: the work on a customer (a broken payment promise to chase) is worth its
        overdue receivables in the current company (one grouped query)."""
        stakes = super()._adv_day_stake()
        overdue = self.env["account.move.line"]._adv_overdue_by_partner(
            self, self.env.company, fields.Date.context_today(self)
        )
        for partner in self:
            amount = overdue.get(partner.commercial_partner_id.id)
            if amount:
                stakes[partner.id] = max(stakes.get(partner.id, 0.0), amount)
        return stakes

    def action_adv_dunning_history(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_dunning.adv_dunning_notice_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"search_default_sent": 1}
        return action

    def _adv_statement(self, company=None, date=None):
        """The statement of account of this customer (see ``_adv_statements``)."""
        self.ensure_one()
        return self._adv_statements(company, date)[self.id]

    def _adv_statements(self, company=None, date=None):
        """{partner id: statement of account}: each customer's open receivable items in the
        company currency, oldest due first, with their dunning level; one search for all."""
        company = company or self.env.company
        date = date or fields.Date.context_today(self)
        items = (
            self.env["account.move.line"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", self.commercial_partner_id.ids),
                    ("company_id", "=", company.id),
                    ("account_type", "=", "asset_receivable"),
                    ("parent_state", "=", "posted"),
                    ("reconciled", "=", False),
                    ("amount_residual", "!=", 0),
                ],
                order="date_maturity, id",
            )
        )
        by_customer = items.grouped(lambda item: item.partner_id.commercial_partner_id)
        statements = {}
        for partner in self:
            lines = [
                {
                    "name": item.move_id.name,
                    "date": item.date,
                    "date_maturity": item.date_maturity,
                    "days_overdue": max((date - item.date_maturity).days, 0)
                    if item.date_maturity
                    else 0,
                    "level": item.adv_dunning_level_id.name or "",
                    "amount": item.balance,
                    "residual": item.amount_residual,
                }
                for item in by_customer.get(partner.commercial_partner_id.sudo(), [])
            ]
            statements[partner.id] = {
                "date": date,
                "currency": company.currency_id,
                "lines": lines,
                "overdue": sum(ln["residual"] for ln in lines if ln["days_overdue"] > 0),
                "total": sum(ln["residual"] for ln in lines),
            }
        return statements
