# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .adv_claim import source_document

# The document lines a claimed line may be tied to, the most precise first: what was invoiced,
# what was delivered, what was ordered (its delivered or invoiced quantity).
TIE_FIELDS = ("invoice_line_id", "move_id", "sale_line_id")


class AdvClaimLine(models.Model):
    """A claimed quantity of a product, tied to what was delivered or invoiced (never more).

    Every line is tied to one of the customer's document lines (``TIE_FIELDS``), whatever way
    it is added (suggested, typed in the form, imported, created over RPC), so that the
    quantity rule runs on it: over all the claims that are not rejected, no more than what the
    tied line delivered or invoiced.
    """

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
    supplier_id = fields.Many2one(
        comodel_name="res.partner",
        compute="_compute_supplier_id",
        store=True,
        index="btree_not_null",
        help="The product's main vendor (first line of its vendor prices for the claim's "
        "company) when the line was recorded: the claims dashboard's Pareto by supplier.",
    )

    @api.depends("product_id")
    def _compute_supplier_id(self):
        for line in self:
            product, company = line.product_id, line.company_id or line.claim_id.company_id
            sellers = product.seller_ids.filtered(
                lambda s, p=product, c=company: (
                    (not s.product_id or s.product_id == p)
                    and (not s.company_id or s.company_id == c)
                )
            )
            line.supplier_id = sellers[:1].partner_id

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

    def _reference_quantities(self):
        """{tie field: the most that can be claimed through it}: what the invoice line
        invoiced, what the move delivered, what the order line delivered or invoiced."""
        self.ensure_one()
        references = {}
        if self.invoice_line_id:
            references["invoice_line_id"] = self.invoice_line_id.sudo().quantity
        if self.move_id:
            move = self.move_id.sudo()
            references["move_id"] = move.quantity if move.state == "done" else 0.0
        if self.sale_line_id:
            sale_line = self.sale_line_id.sudo()
            references["sale_line_id"] = max(sale_line.qty_delivered, sale_line.qty_invoiced)
        return references

    def _reference_quantity(self):
        """The most that can be claimed on this line (None: not tied)."""
        return min(self._reference_quantities().values(), default=None)

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

    @api.model
    def _claimed_quantities(self, field, records, exclude_claims=None):
        """{record id: quantity claimed on it} for the document lines ``records`` (``field``, one
        of ``TIE_FIELDS``), over the claims that are not rejected (nor ``exclude_claims``): one
        grouped query."""
        if not records:
            return {}
        domain = [(field, "in", records.ids), ("claim_id.state", "!=", "rejected")]
        if exclude_claims:
            domain.append(("claim_id", "not in", exclude_claims.ids))
        groups = self.sudo()._read_group(domain, [field], ["quantity:sum"])
        return {record.id: qty for record, qty in groups}

    @api.constrains("product_id", *TIE_FIELDS)
    def _check_tied(self):
        """A claimed line is tied to a document line of its product: the quantity rule needs it."""
        for line in self:
            ties = [line[f].sudo() for f in TIE_FIELDS if line[f]]
            if not ties:
                raise ValidationError(
                    self.env._(
                        "%(product)s: choose the delivered or invoiced line that is claimed (the "
                        "most that can be claimed is what it delivered or invoiced).",
                        product=line.product_id.display_name or self.env._("A claimed line"),
                    )
                )
            for tied in ties:
                if tied.product_id != line.product_id:
                    raise ValidationError(
                        self.env._(
                            "%(product)s is not the product of the line it is tied to (%(tied)s).",
                            product=line.product_id.display_name,
                            tied=tied.product_id.display_name,
                        )
                    )

    @api.constrains("quantity", *TIE_FIELDS)
    def _check_quantity(self):
        """Not more than delivered / invoiced, over all the claims (not rejected) on each of the
        document lines a claimed line is tied to: three grouped queries in all."""
        claimed = {f: self._claimed_quantities(f, self.mapped(f)) for f in TIE_FIELDS}
        for line in self:
            if line.quantity <= 0:
                raise ValidationError(self.env._("A claimed quantity must be positive."))
            rounding = line.uom_id.rounding or 0.01
            for field, reference in line._reference_quantities().items():
                total = claimed[field].get(line[field].id, line.quantity)
                if total - reference > rounding / 2:
                    raise ValidationError(
                        self.env._(
                            "%(product)s: %(claimed)s claimed but only %(reference)s delivered "
                            "or invoiced (%(earlier)s of it on other lines or claims not "
                            "rejected).",
                            product=line.product_id.display_name,
                            claimed=total,
                            reference=reference,
                            earlier=total - line.quantity,
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
        for vals in vals_list:
            self._complete_ties(vals)
        lines = super().create(vals_list)
        lines.claim_id._adv_day_refresh()
        lines.claim_id._adv_escalate_if_needed()
        return lines

    def write(self, vals):
        if set(TIE_FIELDS) & set(vals):
            vals = self._complete_ties(dict(vals))
        result = super().write(vals)
        if {"quantity", "price_unit"} & set(vals):
            self.claim_id._adv_day_refresh()
            self.claim_id._adv_escalate_if_needed()
        return result

    @api.model
    def _complete_ties(self, vals):
        """Tie ``vals`` (a claimed line's values) to the other lines of the same goods: the order
        line of a delivered move or an invoice line, and the posted invoice line of an order
        line invoiced once. The quantity rule then counts the goods on every path they were
        claimed by, and a credit note can credit a line claimed from its delivery."""
        move = self.env["stock.move"].browse(vals.get("move_id")).sudo()
        invoice_line = self.env["account.move.line"].browse(vals.get("invoice_line_id")).sudo()
        if not vals.get("sale_line_id"):
            sale_line = move.sale_line_id or invoice_line.sale_line_ids
            if len(sale_line) == 1:
                vals["sale_line_id"] = sale_line.id
        if not invoice_line and vals.get("sale_line_id"):
            invoiced = (
                self.env["sale.order.line"]
                .browse(vals["sale_line_id"])
                .sudo()
                .invoice_lines.filtered(
                    lambda aml: (
                        aml.move_id.move_type == "out_invoice" and aml.parent_state == "posted"
                    )
                )
            )
            if len(invoiced) == 1:
                vals["invoice_line_id"] = invoiced.id
        return vals
