# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The credit decision from the order: the salesperson's release request (with its
justification, its state shown on the order) and, for whoever may decide, the release and
refusal of its waiting credit check without leaving the order."""

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import format_datetime

from odoo.addons.adv_base.tools.notification import notify
from odoo.addons.adv_base.tools.protected_fields import CUSTOMER_FIGURE_READERS

from ..tools.credit_rules import OUTCOMES


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    adv_pending_outcome = fields.Selection(
        OUTCOMES,
        string="Waiting credit decision",
        compute="_compute_adv_release_request",
        groups=CUSTOMER_FIGURE_READERS,
        help="Outcome of the order's credit check waiting for a decision (empty: none waits).",
    )
    adv_release_requested = fields.Boolean(
        string="Release requested",
        compute="_compute_adv_release_request",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_release_request_info = fields.Char(
        string="Release request",
        compute="_compute_adv_release_request",
        groups=CUSTOMER_FIGURE_READERS,
    )

    def _compute_adv_release_request(self):
        """From the order's last credit check (read once for all orders, with the superuser:
        the salesperson reads the state of her own request)."""
        checks = self.sudo().adv_last_check_id
        checks.fetch(["state", "outcome", "request_date", "request_user_id"])
        for order in self:
            check = order.sudo().adv_last_check_id
            waiting = check.state == "open"
            order.adv_pending_outcome = check.outcome if waiting else False
            order.adv_release_requested = bool(waiting and check.request_date)
            order.adv_release_request_info = (
                self.env._(
                    "Release requested on %(date)s by %(user)s",
                    date=format_datetime(self.env, check.request_date, dt_format="short"),
                    user=check.request_user_id.name,
                )
                if waiting and check.request_date
                else False
            )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_adv_request_release(self):
        """The order's *Request release* button: asks for the justification in a dialog."""
        self.ensure_one()
        self._adv_check_release_requestable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Request a credit release"),
            "res_model": "adv.release.request",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def action_adv_open_release(self):
        """Release the order's waiting credit check from the order (whoever may decide)."""
        self.ensure_one()
        return self._adv_waiting_check().action_open_release()

    def action_adv_open_refuse(self):
        self.ensure_one()
        return self._adv_waiting_check().action_open_refuse()

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _adv_waiting_check(self):
        """The credit check of this order that waits for a decision (read with the user's
        rights: deciding takes a credit controller, checked by the check's actions)."""
        check = self.sudo().adv_last_check_id
        if not check or check.state != "open":
            raise UserError(
                self.env._("%(order)s is not waiting for a credit release.", order=self.name)
            )
        return self.env["adv.order.check"].browse(check.id)

    def _adv_check_release_requestable(self):
        """A request is made once per waiting check: a new block opens a new check."""
        for order in self:
            check = order._adv_waiting_check().sudo()
            if check.request_date:
                raise UserError(
                    self.env._(
                        "A release of %(order)s was already requested on %(date)s by %(user)s: "
                        "the credit controllers have it.",
                        order=order.name,
                        date=format_datetime(self.env, check.request_date, dt_format="short"),
                        user=check.request_user_id.name,
                    )
                )

    def _adv_request_release(self, justification):
        """Ask the credit controllers for a release of these blocked orders, saying why: the
        request is kept on the waiting check, posted on the order and brought to each
        controller as an activity. Refused without a justification, or when already asked."""
        if not (justification or "").strip():
            raise ValidationError(self.env._("Say why the order should be released."))
        self._adv_check_release_requestable()
        now = fields.Datetime.now()
        for order in self:
            check = order._adv_waiting_check().sudo()
            check.write(
                {
                    "request_user_id": self.env.user.id,
                    "request_date": now,
                    "request_note": justification.strip(),
                }
            )
            order.message_post(
                body=order._adv_log_env()._(
                    "Release requested by %(user)s: %(justification)s",
                    user=self.env.user.name,
                    justification=justification.strip(),
                )
            )
            order._adv_notify_controllers(check)
        return notify(
            self.env,
            self.env._(
                "Release of %(orders)s requested: the credit controllers have it in their day.",
                orders=", ".join(self.mapped("name")),
            ),
            title=self.env._("Release requested"),
        )
