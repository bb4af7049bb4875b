# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from .adv_supply_chase import document_chase_count


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    adv_chase_ids = fields.One2many(
        comodel_name="adv.supply.chase", inverse_name="purchase_id", string="Chases"
    )
    adv_chase_count = document_chase_count()
    adv_date_ids = fields.One2many(
        comodel_name="adv.purchase.line.date", inverse_name="order_id", string="Date history"
    )

    def _compute_adv_chase_count(self):
        counts = self.env["adv.supply.chase"]._adv_count_by("purchase_id", self)
        for order in self:
            order.adv_chase_count = counts.get(order, 0)

    def write(self, vals):
        """The vendor's own acknowledgement (portal link) answers the chases of the order."""
        answered = self.browse()
        if vals.get("mail_reception_confirmed") or vals.get("mail_reception_declined"):
            answered = self.filtered(
                lambda o: not o.mail_reception_confirmed and not o.mail_reception_declined
            )
        res = super().write(vals)
        if answered:
            answered._adv_vendor_answered(declined=bool(vals.get("mail_reception_declined")))
        return res

    def button_approve(self, force=False):
        res = super().button_approve(force=force)
        lines = self.filtered(lambda o: o.state == "purchase").order_line
        lines = lines.filtered(lambda line: not line.display_type and not line.adv_date_ids)
        lines._adv_log_dates("requested", self.env._("Order confirmed"))
        return res

    def action_adv_chases(self):
        return self.env["adv.supply.chase"]._adv_chases_action([("purchase_id", "in", self.ids)])

    def _adv_vendor_answered(self, declined=False):
        chases = (
            self.env["adv.supply.chase"]
            .sudo()
            .search([("purchase_id", "in", self.ids), ("kind", "=", "ack"), ("state", "=", "open")])
        )
        comment = (
            self.env._("The vendor declined the order (portal).")
            if declined
            else self.env._("The vendor acknowledged the order (portal).")
        )
        if chases:
            chases._write_answer({"answer_comment": comment})
            chases.activity_ids.action_feedback(feedback=comment)
        if not declined:
            lines = self.order_line.filtered(lambda line: not line.display_type)
            lines.sudo()._adv_log_dates("confirmed", comment)
