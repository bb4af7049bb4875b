# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class PurchaseOrderLine(models.Model):
    _inherit = "purchase.order.line"

    adv_date_ids = fields.One2many(
        comodel_name="adv.purchase.line.date", inverse_name="line_id", string="Date history"
    )

    def write(self, vals):
        """Every change of the expected date of a confirmed line is kept in its history."""
        tracked = self.browse()
        previous = {}
        if vals.get("date_planned") and not self.env.context.get("adv_date_logged"):
            new_date = fields.Datetime.to_datetime(vals["date_planned"])
            tracked = self.filtered(
                lambda line: (
                    line.order_id.state in ("purchase", "done")
                    and not line.display_type
                    and line.date_planned != new_date
                )
            )
            previous = {line.id: line.date_planned for line in tracked}
        res = super().write(vals)
        if tracked:
            tracked._adv_log_dates(
                "revised", self.env._("Changed on the purchase order"), previous=previous
            )
        return res

    def _adv_log_dates(self, kind, reason, previous=None, chase=None):
        previous = previous or {}
        self.env["adv.purchase.line.date"].sudo().create(
            [
                {
                    "line_id": line.id,
                    "kind": kind,
                    "date": line.date_planned,
                    "previous_date": previous.get(line.id),
                    "reason": reason,
                    "user_id": self.env.user.id,
                    "chase_id": chase.id if chase else False,
                }
                for line in self
                if line.date_planned
            ]
        )

    def _adv_change_date(self, new_date, kind, reason, chase=None):
        """Write a new expected date: Odoo's ``date_planned`` (which moves the receipts'
        deadlines), the open receipt moves' date (so the forecast follows) and the history."""
        previous = {line.id: line.date_planned for line in self}
        self.with_context(adv_date_logged=True).write({"date_planned": new_date})
        moves = self.move_ids.filtered(
            lambda m: m.state not in ("done", "cancel") and m.picking_code == "incoming"
        )
        moves.write({"date": new_date})
        self._adv_log_dates(kind, reason, previous=previous, chase=chase)
