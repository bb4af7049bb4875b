# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Suggested claimed lines: what the customer was invoiced or delivered, so that the handler
picks instead of typing."""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.adv_base.tools.notification import notify

from .adv_claim import CLOSED_STATES
from .adv_claim_line import TIE_FIELDS

SUGGESTION_DAYS = 90
SUGGESTION_LIMIT = 40


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    def action_suggest_lines(self):
        """Claimed lines from the source document, else from the customer's recent documents."""
        self.ensure_one()
        if self.state in CLOSED_STATES:
            raise UserError(self.env._("This claim is finished: its lines can no longer change."))
        values = self._get_suggested_line_values()
        if not values:
            raise UserError(
                self.env._(
                    "No delivered or invoiced goods left to claim for %(customer)s (what was "
                    "delivered or invoiced is already claimed, or there is nothing in the last "
                    "%(days)s days).",
                    customer=self.partner_id.display_name,
                    days=SUGGESTION_DAYS,
                )
            )
        self.line_ids = [fields.Command.create(v) for v in values]
        return notify(
            self.env,
            self.env._(
                "%(count)s lines suggested: remove those not concerned and adjust the claimed "
                "quantities.",
                count=len(values),
            ),
        )

    @api.onchange("picking_id")
    def _onchange_picking_id_suggest(self):
        """A claim about a delivery is about its order too, and starts with what the delivery
        delivered and is left to claim (the handler removes the lines not concerned and lowers
        the quantities): on the form only, the quantity rule still runs on saving."""
        if not self.picking_id:
            return
        if not self.sale_order_id and self.picking_id.sale_id:
            self.sale_order_id = self.picking_id.sale_id
        if not self.line_ids and self.picking_id.picking_type_code == "outgoing":
            values = self._get_suggested_line_values()
            self.line_ids = [fields.Command.create(v) for v in values]

    def _get_suggested_line_values(self):
        """Values of claimed lines for the claim's document, else the customer's last 90 days:
        invoice lines first, then delivered moves not yet invoiced. Two queries in all."""
        self.ensure_one()
        invoice_line_domain, move_domain = self._get_suggestion_domains()
        values, invoiced_sale_lines = [], set()
        if invoice_line_domain is not None:
            invoice_lines = self.env["account.move.line"].search(
                invoice_line_domain, order="date desc", limit=SUGGESTION_LIMIT
            )
            values += [self._prepare_line_from_invoice_line(aml) for aml in invoice_lines]
            invoiced_sale_lines.update(invoice_lines.sale_line_ids.ids)
        if move_domain is not None:
            moves = self.env["stock.move"].search(
                move_domain, order="date desc", limit=SUGGESTION_LIMIT
            )
            if not self.picking_id:
                # Already suggested through its invoice line.
                moves = moves.filtered(lambda m: m.sale_line_id.id not in invoiced_sale_lines)
            values += [self._prepare_line_from_move(move) for move in moves]
        return self._left_to_claim(values)

    def _left_to_claim(self, values):
        """``values`` of claimed lines at what is left to claim: on each document line they are
        tied to, what it delivered or invoiced less what the claims (not rejected, this one
        included) already claim on it; those with nothing left are dropped. Three grouped
        queries."""
        Line = self.env["adv.claim.line"]
        claimed = {}
        for field in TIE_FIELDS:
            comodel = self.env[Line._fields[field].comodel_name]
            claimed[field] = Line._claimed_quantities(
                field, comodel.browse({v[field] for v in values if v.get(field)})
            )
        sale_lines = self.env["sale.order.line"].browse(
            {v["sale_line_id"] for v in values if v.get("sale_line_id")}
        )
        delivered = {sl.id: max(sl.qty_delivered, sl.qty_invoiced) for sl in sale_lines.sudo()}
        left = []
        for vals in values:
            quantity = min(
                (delivered[vals[f]] if f == "sale_line_id" else vals["quantity"])
                - claimed[f].get(vals[f], 0.0)
                for f in TIE_FIELDS
                if vals.get(f)
            )
            if quantity > 0:
                left.append(dict(vals, quantity=min(quantity, vals["quantity"])))
        return left

    def _get_suggestion_domains(self):
        """(invoice line domain, stock move domain) of the goods this claim may be about; None
        where that kind of document is not searched."""
        company = ("company_id", "=", self.company_id.id)
        invoice_line_domain = [
            ("move_id.move_type", "=", "out_invoice"),
            ("move_id.state", "=", "posted"),
            ("display_type", "=", "product"),
            ("product_id", "!=", False),
            company,
        ]
        move_domain = [("state", "=", "done"), ("picking_code", "=", "outgoing"), company]
        if self.invoice_id:
            return [*invoice_line_domain, ("move_id", "=", self.invoice_id.id)], None
        if self.picking_id:
            return None, [*move_domain, ("picking_id", "=", self.picking_id.id)]
        if self.sale_order_id:
            order_id = self.sale_order_id.id
            return (
                [*invoice_line_domain, ("sale_line_ids.order_id", "=", order_id)],
                [*move_domain, ("sale_line_id.order_id", "=", order_id)],
            )
        customer = self.commercial_partner_id.id
        since = fields.Datetime.now() - datetime.timedelta(days=SUGGESTION_DAYS)
        return (
            [
                *invoice_line_domain,
                ("move_id.commercial_partner_id", "=", customer),
                ("move_id.invoice_date", ">=", since.date()),
            ],
            [
                *move_domain,
                ("partner_id.commercial_partner_id", "=", customer),
                ("date", ">=", since),
            ],
        )

    def _prepare_line_from_invoice_line(self, invoice_line):
        return {
            "invoice_line_id": invoice_line.id,
            "sale_line_id": invoice_line.sale_line_ids[:1].id,
            "product_id": invoice_line.product_id.id,
            "quantity": invoice_line.quantity,
        }

    def _prepare_line_from_move(self, move):
        return {
            "move_id": move.id,
            "sale_line_id": move.sale_line_id.id,
            "product_id": move.product_id.id,
            "quantity": move.quantity,
        }
