# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AdvCreditDelegation(models.Model):
    """Up to which excess over the credit limit a group or a user may release an order.

    A user's own delegation wins over their groups'; among groups the highest applies. Beyond
    it, a release request escalates to the users whose delegation covers the excess.

    OCA's ``base_tier_validation`` was considered: it models review tiers on a record, but the
    release here is a decision on a blocked confirmation that must survive the refused
    transaction and be compared with an amount computed at confirmation time; a 40-line model
    keeps that explicit and testable.
    """

    _name = "adv.credit.delegation"
    _description = "Credit release delegation"
    _order = "company_id, unlimited, max_amount"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", help="Empty: every company, in each company's currency."
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    group_id = fields.Many2one("res.groups")
    user_id = fields.Many2one("res.users")
    max_amount = fields.Monetary(string="Up to an excess of")
    unlimited = fields.Boolean()
    active = fields.Boolean(default=True)

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = (rec.company_id or self.env.company).currency_id

    @api.depends("group_id", "user_id", "max_amount", "unlimited")
    def _compute_name(self):
        for rec in self:
            who = rec.user_id.name or rec.group_id.full_name or ""
            rec.name = f"{who}: {'∞' if rec.unlimited else rec.max_amount}"

    @api.constrains("group_id", "user_id")
    def _check_holder(self):
        for rec in self:
            if bool(rec.group_id) == bool(rec.user_id):
                raise ValidationError(self.env._("A delegation is for one group or one user."))

    @api.model
    def _get_limit(self, user, company):
        """(unlimited, amount) ``user`` may release in ``company``; (False, 0.0) if none."""
        delegations = self.sudo().search([("company_id", "in", [company.id, False])])
        own = delegations.filtered(lambda d: d.user_id == user)
        if not own:
            own = delegations.filtered(lambda d: d.group_id and d.group_id in user.groups_id)
        if not own:
            return False, 0.0
        if any(own.mapped("unlimited")):
            return True, 0.0
        return False, max(own.mapped("max_amount"))

    @api.model
    def _covers(self, user, company, excess):
        unlimited, amount = self._get_limit(user, company)
        return unlimited or excess <= amount

    @api.model
    def _approvers_for(self, company, excess, exclude=None):
        """Internal users of ``company`` whose delegation covers ``excess`` (the next level)."""
        delegations = self.sudo().search([("company_id", "in", [company.id, False])])
        users = delegations.user_id | delegations.group_id.users
        users = users.filtered(
            lambda u: not u.share and company in u.company_ids and u.active and u != exclude
        )
        return users.filtered(lambda u: self._covers(u, company, excess))
