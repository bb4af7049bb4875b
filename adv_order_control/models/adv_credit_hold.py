# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class AdvCreditHold(models.Model):
    """A manual credit hold on a customer in one company: while active, its orders are blocked.

    Order control owns the hold; other addons (dunning's "put on credit hold" option) set it
    through :meth:`res.partner._adv_set_credit_hold`.
    """

    _name = "adv.credit.hold"
    _description = "Customer credit hold"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('is_company', '=', True)]",
        check_company=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    reason = fields.Char(required=True, tracking=True)
    date = fields.Datetime(
        string="Since", required=True, default=fields.Datetime.now, readonly=True
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Put by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    lifted_by_id = fields.Many2one(comodel_name="res.users", string="Lifted by", readonly=True)
    lifted_date = fields.Datetime(readonly=True)

    @api.depends("partner_id", "reason")
    def _compute_display_name(self):
        for hold in self:
            hold.display_name = f"{hold.partner_id.name}: {hold.reason or ''}"

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("partner_id"):
                partner = self.env["res.partner"].browse(vals["partner_id"])
                vals["partner_id"] = partner.commercial_partner_id.id
        holds = super().create(vals_list)
        for hold in holds:
            hold.partner_id.sudo().message_post(
                body=self.env._(
                    "Credit hold put by %(user)s: %(reason)s",
                    user=hold.user_id.name,
                    reason=hold.reason,
                ),
            )
        return holds

    def action_lift(self):
        self.write(
            {
                "active": False,
                "lifted_by_id": self.env.user.id,
                "lifted_date": fields.Datetime.now(),
            }
        )
        for hold in self:
            hold.partner_id.sudo().message_post(
                body=self.env._(
                    "Credit hold lifted by %(user)s (was: %(reason)s)",
                    user=self.env.user.name,
                    reason=hold.reason,
                ),
            )
        return True
