# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .adv_claim_remedy import REMEDY_TYPES


class AdvClaimDelegation(models.Model):
    """The approval matrix: up to which amount a group or a user decides, per remedy type.

    A line without remedy type covers every remedy and is also the handler's delegation for the
    claim's stake (above it the claim escalates to sales management). A user's own lines win over
    their groups'; among several lines the highest applies.
    """

    _name = "adv.claim.delegation"
    _description = "Claim delegation"
    _order = "company_id, remedy_type, unlimited, max_amount"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company", help="Empty: every company, in each company's currency."
    )
    currency_id = fields.Many2one(comodel_name="res.currency", compute="_compute_currency_id")
    group_id = fields.Many2one(comodel_name="res.groups")
    user_id = fields.Many2one(comodel_name="res.users")
    remedy_type = fields.Selection(
        selection=REMEDY_TYPES, help="Empty: every remedy, and the claim's stake."
    )
    max_amount = fields.Monetary(string="Up to")
    unlimited = fields.Boolean()
    active = fields.Boolean(default=True)

    @api.depends("company_id")
    @api.depends_context("company")
    def _compute_currency_id(self):
        for rec in self:
            rec.currency_id = (rec.company_id or self.env.company).currency_id

    @api.depends("group_id", "user_id", "max_amount", "unlimited", "remedy_type")
    def _compute_name(self):
        labels = dict(self._fields["remedy_type"]._description_selection(self.env))
        for rec in self:
            who = rec.user_id.name or rec.group_id.full_name or ""
            what = labels.get(rec.remedy_type, "*")
            rec.name = f"{who} / {what}: {'∞' if rec.unlimited else rec.max_amount}"

    @api.constrains("group_id", "user_id")
    def _check_holder(self):
        for rec in self:
            if bool(rec.group_id) == bool(rec.user_id):
                raise ValidationError(self.env._("A delegation is for one group or one user."))

    @api.model
    def _get_limit(self, user, company, remedy_type=False):
        """(unlimited, amount) ``user`` may decide in ``company`` for ``remedy_type``
        (False: the claim's stake); (False, 0.0) without delegation."""
        delegations = self.sudo().search(
            [
                ("company_id", "in", [company.id, False]),
                ("remedy_type", "in", [remedy_type, False] if remedy_type else [False]),
            ]
        )
        own = delegations.filtered(lambda d: d.user_id == user)
        if not own:
            own = delegations.filtered(lambda d: d.group_id and d.group_id in user.groups_id)
        if not own:
            return False, 0.0
        # For each holder, a line for this very remedy type wins over its catch-all line; then
        # the most generous holder applies.
        retained = self.browse()
        for holder in own.user_id or own.group_id:
            lines = own.filtered(lambda d, h=holder: d.user_id == h or d.group_id == h)
            retained |= lines.filtered(lambda d: d.remedy_type == remedy_type) or lines
        if any(retained.mapped("unlimited")):
            return True, 0.0
        return False, max(retained.mapped("max_amount"))

    @api.model
    def _covers(self, user, company, amount, remedy_type=False):
        unlimited, limit = self._get_limit(user, company, remedy_type)
        return unlimited or company.currency_id.compare_amounts(amount, limit) <= 0

    @api.model
    def _approvers_for(self, company, amount, remedy_type=False, exclude=None):
        """Internal users of ``company`` whose delegation covers ``amount``."""
        delegations = self.sudo().search([("company_id", "in", [company.id, False])])
        users = delegations.user_id | delegations.group_id.users
        users = users.filtered(
            lambda u: not u.share and company in u.company_ids and u.active and u != exclude
        )
        return users.filtered(lambda u: self._covers(u, company, amount, remedy_type))
