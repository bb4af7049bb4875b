# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .adv_claim import source_document


class AdvClaimLine(models.Model):
    """A claimed quantity of a product, tied to what was ordered, delivered or invoiced."""

    _name = "adv.claim.line"
    _description = "Claimed line"
    _order = "claim_id, id"
    _check_company_auto = True

    claim_id = fields.Many2one(
        comodel_name="adv.claim", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    product_id = fields.Many2one(
        comodel_name="product.product",
        compute="_compute_product_id",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        check_company=True,
        index=True,
    )
    sale_line_id = source_document(comodel_name="sale.order.line", string="Order line")
    move_id = source_document(comodel_name="stock.move", string="Delivered move")
    invoice_line_id = source_document(comodel_name="account.move.line", string="Invoice line")
    quantity = fields.Float(
        string="Claimed quantity", digits="Product Unit of Measure", default=1.0, required=True
    )
    qty_reference = fields.Float(
        string="Delivered / invoiced",
        compute="_compute_qty_reference",
        digits="Product Unit of Measure",
        help="The most that can be claimed on this line.",
    )
    uom_id = fields.Many2one(related="product_id.uom_id")
    price_unit = fields.Monetary(compute="_compute_price_unit", store=True, readonly=False)
    amount = fields.Monetary(string="Value", compute="_compute_amount", store=True)

    @api.depends("invoice_line_id", "move_id", "sale_line_id")
    def _compute_product_id(self):
        for line in self:
            product = (
                line.invoice_line_id.product_id
                or line.move_id.product_id
                or line.sale_line_id.product_id
            )
            if product:
                line.product_id = product

    def _reference_quantity(self):
        """What was invoiced (invoice line), else delivered (move, order line)."""
        self.ensure_one()
        if self.invoice_line_id:
            return self.invoice_line_id.quantity
        if self.move_id:
            return self.move_id.quantity if self.move_id.state == "done" else 0.0
        if self.sale_line_id:
            return max(self.sale_line_id.qty_delivered, self.sale_line_id.qty_invoiced)
        return None

    @api.depends("invoice_line_id.quantity", "move_id.quantity", "sale_line_id.qty_delivered")
    def _compute_qty_reference(self):
        for line in self:
            line.qty_reference = line._reference_quantity() or 0.0

    @api.depends("invoice_line_id", "sale_line_id", "product_id")
    def _compute_price_unit(self):
        for line in self:
            aml = line.invoice_line_id
            if aml:
                line.price_unit = aml.price_unit * (1 - (aml.discount or 0.0) / 100.0)
            elif line.sale_line_id or line.move_id.sale_line_id:
                line.price_unit = (
                    line.sale_line_id or line.move_id.sale_line_id
                ).price_reduce_taxexcl
            elif line.product_id and not line.price_unit:
                line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_amount(self):
        for line in self:
            line.amount = line.currency_id.round(line.quantity * line.price_unit)

    @api.constrains("quantity", "invoice_line_id", "move_id", "sale_line_id")
    def _check_quantity(self):
        """Not more than delivered / invoiced, over all the claims on the same document line."""
        claimed = {}
        for field in ("invoice_line_id", "move_id", "sale_line_id"):
            ids = self.mapped(field).ids
            if ids:
                groups = self.sudo()._read_group(
                    [(field, "in", ids), ("claim_id.state", "!=", "rejected")],
                    [field],
                    ["quantity:sum"],
                )
                claimed[field] = {record.id: qty for record, qty in groups}
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(self.env._("A claimed quantity must be positive."))
            reference = line._reference_quantity()
            if reference is None:
                continue
            field = next(f for f in ("invoice_line_id", "move_id", "sale_line_id") if line[f])
            total = claimed.get(field, {}).get(line[field].id, line.quantity)
            rounding = line.uom_id.rounding or 0.01
            if total - reference > rounding / 2:
                raise ValidationError(
                    self.env._(
                        "%(product)s: %(claimed)s claimed but only %(reference)s delivered or "
                        "invoiced.",
                        product=line.product_id.display_name,
                        claimed=total,
                        reference=reference,
                    )
                )

    @api.constrains("invoice_line_id", "move_id", "sale_line_id", "claim_id")
    def _check_customer(self):
        for line in self:
            customer = line.claim_id.commercial_partner_id
            partners = (
                line.invoice_line_id.move_id.commercial_partner_id
                | line.move_id.picking_id.partner_id.commercial_partner_id
                | line.sale_line_id.order_partner_id.commercial_partner_id
            )
            if partners and partners != customer:
                raise ValidationError(
                    self.env._(
                        "%(product)s was not sold to %(customer)s: it cannot be claimed here.",
                        product=line.product_id.display_name,
                        customer=customer.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.claim_id._adv_day_refresh()
        lines.claim_id._adv_escalate_if_needed()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if {"quantity", "price_unit"} & set(vals):
            self.claim_id._adv_day_refresh()
            self.claim_id._adv_escalate_if_needed()
        return result
