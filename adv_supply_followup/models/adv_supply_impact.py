# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError

IMPACT_MODE = [("mto", "Make to order"), ("mts", "From stock")]


class AdvSupplyImpact(models.Model):
    """A customer order line put at risk by a late receipt: how much, by when it was due, its
    likely new date, and whether the customer was told. Recomputed with the chase."""

    _name = "adv.supply.impact"
    _description = "Customer order at risk"
    _order = "chase_id, sequence, id"

    chase_id = fields.Many2one(
        comodel_name="adv.supply.chase", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(string="Rank")
    company_id = fields.Many2one(related="chase_id.company_id", store=True)
    purchase_id = fields.Many2one(comodel_name="purchase.order", string="Purchase Order")
    sale_order_id = fields.Many2one(
        comodel_name="sale.order", string="Customer order", required=True, index=True
    )
    sale_line_id = fields.Many2one(comodel_name="sale.order.line", string="Order line")
    move_id = fields.Many2one(comodel_name="stock.move", string="Delivery move")
    partner_id = fields.Many2one(related="sale_order_id.partner_id", string="Customer")
    # Stored for the dashboard's salesperson and team filters: the follow-up team may not read
    # the sales orders themselves.
    user_id = fields.Many2one(related="sale_order_id.user_id", string="Salesperson", store=True)
    team_id = fields.Many2one(related="sale_order_id.team_id", string="Sales Team", store=True)
    product_id = fields.Many2one(comodel_name="product.product")
    qty_at_risk = fields.Float(string="Quantity at risk", digits="Product Unit of Measure")
    date_due = fields.Date(string="Promised to the customer")
    date_new = fields.Date(string="Likely new date")
    delay_days = fields.Integer(compute="_compute_delay_days")
    amount = fields.Monetary(string="Value at risk", currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    mode = fields.Selection(selection=IMPACT_MODE)
    date_notified = fields.Datetime(string="Customer told on", readonly=True)

    def _compute_delay_days(self):
        for impact in self:
            impact.delay_days = (
                (impact.date_new - impact.date_due).days
                if impact.date_new and impact.date_due
                else 0
            )

    def action_notify_customer(self):
        """Send the customer notice (in the customer's language), one per customer order."""
        template = self.env.ref("adv_supply_followup.mail_template_customer_delay")
        done = self.filtered("date_notified")
        if done:
            raise UserError(
                self.env._(
                    "%(order)s was already told of this delay.", order=done[0].sale_order_id.name
                )
            )
        # The follow-up team tells the customer even on orders it may not edit: the notice is
        # a fixed template, posted in their name.
        self.sale_order_id.sudo().message_post_with_source(
            template,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            author_id=self.env.user.partner_id.id,
        )
        self.sale_order_id.sudo().adv_impact_ids.filtered(lambda i: not i.date_notified).write(
            {"date_notified": fields.Datetime.now()}
        )

    def action_preview_notice(self):
        """Open the customer notice in the composer, ready to edit and send."""
        self.ensure_one()
        template = self.env.ref("adv_supply_followup.mail_template_customer_delay")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": "sale.order",
                "default_res_ids": self.sale_order_id.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
            },
        }
