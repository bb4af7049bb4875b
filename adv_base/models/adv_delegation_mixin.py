# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AdvDelegationMixin(models.AbstractModel):
    """Up to which amount a group or a user may decide, per company: the suite's approval matrix.

    A concrete matrix (credit releases, claim remedies) inherits this mixin and may add a *scope*
    (say, a remedy type) through three hooks:

    - ``_delegation_scope_domain(scope)``: the lines that may apply to a scope;
    - ``_delegation_retain(lines, scope)``: among one holder's lines, those that apply;
    - ``_delegation_scope_label()``: the scope in the line's name.

    The rules are the same everywhere: a user's own lines win over their groups'; among the
    retained lines the most generous applies; an amount is covered when it does not exceed the
    limit in the company's currency (one comparison, with the currency's rounding).
    """

    _name = "adv.delegation.mixin"
    _description = "ADV approval delegation (mixin)"
    _order = "company_id, unlimited, max_amount"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company", help="Empty: every company, in each company's currency."
    )
    currency_id = fields.Many2one(comodel_name="res.currency", compute="_compute_currency_id")
    group_id = fields.Many2one(comodel_name="res.groups")
    user_id = fields.Many2one(comodel_name="res.users")
    max_amount = fields.Monetary(string="Up to")
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
            scope = rec._delegation_scope_label()
            amount = "∞" if rec.unlimited else rec.max_amount
            rec.name = f"{who} / {scope}: {amount}" if scope else f"{who}: {amount}"

    @api.constrains("group_id", "user_id")
    def _check_holder(self):
        for rec in self:
            if bool(rec.group_id) == bool(rec.user_id):
                raise ValidationError(self.env._("A delegation is for one group or one user."))

    # ------------------------------------------------------------
    # EXTENSION POINTS
    # ------------------------------------------------------------

    def _delegation_scope_domain(self, scope):
        """Extra search domain of the lines that may apply to ``scope``."""
        return []

    def _delegation_retain(self, lines, scope):
        """Among one holder's ``lines``, those that apply to ``scope``."""
        return lines

    def _delegation_scope_label(self):
        """The scope of this line, shown in its name ("" without scope)."""
        return ""

    # ------------------------------------------------------------
    # DECISIONS
    # ------------------------------------------------------------

    def _delegation_lines(self, company, scope=False):
        domain = [("company_id", "in", [company.id, False])]
        return self.sudo().search(domain + self._delegation_scope_domain(scope))

    @api.model
    def _get_limit(self, user, company, scope=False):
        """(unlimited, amount) ``user`` may decide in ``company``; (False, 0.0) without a line."""
        lines = self._delegation_lines(company, scope)
        own = lines.filtered(lambda d: d.user_id == user)
        if not own:
            own = lines.filtered(lambda d: d.group_id and d.group_id in user.groups_id)
        if not own:
            return False, 0.0
        retained = self.browse()
        for holder in own.user_id or own.group_id:
            held = own.filtered(lambda d, h=holder: h in (d.user_id, d.group_id))
            retained |= self._delegation_retain(held, scope)
        if any(retained.mapped("unlimited")):
            return True, 0.0
        return False, max(retained.mapped("max_amount"), default=0.0)

    @api.model
    def _covers(self, user, company, amount, scope=False):
        """Whether ``user``'s delegation in ``company`` covers ``amount``."""
        unlimited, limit = self._get_limit(user, company, scope)
        return unlimited or company.currency_id.compare_amounts(amount, limit) <= 0

    @api.model
    def _approvers_for(self, company, amount, scope=False, exclude=None):
        """Internal users of ``company`` whose delegation covers ``amount`` (the next level)."""
        lines = self.sudo().search([("company_id", "in", [company.id, False])])
        users = lines.user_id | lines.group_id.users
        users = users.filtered(
            lambda u: not u.share and company in u.company_ids and u.active and u != exclude
        )
        return users.filtered(lambda u: self._covers(u, company, amount, scope))
