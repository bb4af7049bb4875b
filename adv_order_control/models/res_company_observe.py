# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The order control's mode per company: enforced, or observed before it is enforced.

Observe mode is not a way around the control: only an ADV administrator switches it (checked
on the server for every caller but the superuser, whatever screen or RPC call writes it), and
every switch is posted on the company's contact (who, when, from what to what)."""

import logging

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.osv import expression

from .sale_order_observe import ENFORCE, OBSERVE

_logger = logging.getLogger(__name__)

CONTROL_MODES = [(ENFORCE, "Enforced"), (OBSERVE, "Observe only")]
MODE_MANAGER_GROUP = "adv_base.group_manager"


class ResCompany(models.Model):
    _inherit = "res.company"  # pylint: disable=consider-merging-classes-inherited

    adv_order_control_mode = fields.Selection(
        CONTROL_MODES,
        string="Order control mode",
        default=ENFORCE,
        required=True,
        help="Observe only: the order control evaluates every order and keeps what it would "
        "have done, but holds nothing and notifies nobody. Enforced: it holds the orders.",
    )
    adv_order_control_observe_since = fields.Datetime(
        string="Observed since", readonly=True, copy=False
    )
    adv_observed_hold_count = fields.Integer(
        string="Orders it would have held",
        compute="_compute_adv_observed_hold_count",
        help="Orders the control would have held (approval or block) since observe mode began.",
    )

    @api.depends("adv_order_control_mode", "adv_order_control_observe_since")
    def _compute_adv_observed_hold_count(self):
        observing = self.filtered(lambda c: c.adv_order_control_mode == OBSERVE)
        counts = {}
        if observing:
            domain = expression.OR(
                [
                    [("company_id", "=", company.id)]
                    + (
                        [("date", ">=", company.adv_order_control_observe_since)]
                        if company.adv_order_control_observe_since
                        else []
                    )
                    for company in observing
                ]
            )
            groups = (
                self.env["adv.order.observation"]
                .sudo()
                ._read_group(
                    expression.AND([domain, [("would_hold", "=", True)]]),
                    ["company_id"],
                    ["order_id:count_distinct"],
                )
            )
            counts = {company.id: count for company, count in groups}
        for company in self:
            company.adv_observed_hold_count = counts.get(company.id, 0)

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("adv_order_control_mode") == OBSERVE for vals in vals_list):
            self._adv_check_mode_manager()
            for vals in vals_list:
                if vals.get("adv_order_control_mode") == OBSERVE:
                    vals.setdefault("adv_order_control_observe_since", fields.Datetime.now())
        return super().create(vals_list)

    def write(self, vals):
        if "adv_order_control_mode" not in vals:
            return super().write(vals)
        mode = vals["adv_order_control_mode"]
        switched = self.filtered(lambda c: c.adv_order_control_mode != mode)
        if switched:  # the settings screen writes every setting, changed or not
            self._adv_check_mode_manager()
        held = {company.id: company.adv_observed_hold_count for company in switched}
        if mode == OBSERVE and switched:
            super(ResCompany, switched).write(
                {"adv_order_control_observe_since": fields.Datetime.now()}
            )
        result = super().write(vals)
        switched._adv_log_mode_switch(mode, held=held)
        return result

    @api.model
    def _adv_check_mode_manager(self):
        if self.env.su or self.env.user.has_group(MODE_MANAGER_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only a Sales Administration administrator can switch the order control "
                "between observe and enforced."
            )
        )

    def _adv_log_mode_switch(self, mode, held=None, note=None):
        """Post the switch on each company's contact (a note: nobody is notified)."""
        label = dict(self._fields["adv_order_control_mode"]._description_selection(self.env))
        for company in self:
            body = self.env._(
                "Order control switched to %(mode)s by %(user)s.",
                mode=label[mode],
                user=self.env.user.name,
            )
            if mode == ENFORCE:
                body += " " + self.env._(
                    "Over the observed period it would have held %(count)s orders.",
                    count=(held or {}).get(company.id, 0),
                )
            if note:
                body += " " + note
            company.partner_id.sudo().message_post(body=body, subtype_xmlid="mail.mt_note")
            _logger.info(
                "Order control of %s switched to %s by %s", company.name, mode, self.env.uid
            )

    @api.model
    def _adv_order_control_install_mode(self):
        """At installation: observe on the companies that already have confirmed orders, unless
        the database holds demo data (a demo or test database, like a new one, starts enforced).
        Returns the companies switched."""
        base = self.env["ir.module.module"].sudo().search([("name", "=", "base")], limit=1)
        if base.demo:
            return self.browse()
        groups = self.env["sale.order"].sudo()._read_group([("state", "=", "sale")], ["company_id"])
        companies = self.browse([company.id for (company,) in groups]).sudo()
        companies = companies.filtered(lambda c: c.adv_order_control_mode != OBSERVE)
        if companies:
            super(ResCompany, companies).write(  # pylint: disable=super-method-mismatch
                {
                    "adv_order_control_mode": OBSERVE,
                    "adv_order_control_observe_since": fields.Datetime.now(),
                }
            )
            companies._adv_log_mode_switch(
                OBSERVE,
                note=self.env._(
                    "Set at installation: the company already had confirmed orders. Read Sales "
                    "Administration > Reporting > What if enforced, then enforce it in the Sales "
                    "settings."
                ),
            )
        return companies
