# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The confirmation gate on order lines (see ``sale_order_gate.py``): the totals the control
reads are Odoo's computation, and a line that raises a confirmed order is watched."""

from odoo import api, models

from odoo.addons.adv_base.tools.protected_fields import refuse_protected

from .sale_order_gate import _without_defaults_of

# Stored computed fields the control or the exposure reads: Odoo's computations write them.
PROTECTED_LINE_FIELDS = {
    "price_subtotal",
    "price_tax",
    "price_total",
    "price_reduce_taxexcl",
    "price_reduce_taxinc",
    "qty_invoiced",
    "qty_to_invoice",
    "untaxed_amount_invoiced",
    "untaxed_amount_to_invoice",
    "state",
    "invoice_lines",  # tied by Odoo when the invoice is made (see account.move.line)
}
# What can raise a confirmed order's line.
GROWTH_LINE_FIELDS = {
    "product_uom_qty",
    "product_packaging_qty",
    "product_packaging_id",
    "product_uom",
    "product_id",
    "price_unit",
    "discount",
    "tax_id",
    "order_id",
    "display_type",
}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    @api.model_create_multi
    def create(self, vals_list):
        refuse_protected(self, vals_list, PROTECTED_LINE_FIELDS)
        context = _without_defaults_of(self.env.context, PROTECTED_LINE_FIELDS)
        self = self.with_env(self.env(context=context))  # noqa: PLW0642
        default_order = self.env.context.get("default_order_id")
        order_ids = {vals.get("order_id", default_order) for vals in vals_list} - {None, False}
        orders = self.env["sale.order"].browse(order_ids)
        with orders._adv_watch_growth():
            return super().create(vals_list)

    def write(self, vals):
        refuse_protected(self, [vals], PROTECTED_LINE_FIELDS)
        if not GROWTH_LINE_FIELDS & set(vals):
            return super().write(vals)
        orders = self.order_id
        if vals.get("order_id"):
            orders |= self.env["sale.order"].browse(vals["order_id"])
        with orders._adv_watch_growth():
            return super().write(vals)

    def unlink(self):
        """Deleting a line of a confirmed order lowers it, unless the line was negative (a
        discount or a down payment line Odoo lets one delete): watched like any change."""
        with self.order_id._adv_watch_growth():
            return super().unlink()
