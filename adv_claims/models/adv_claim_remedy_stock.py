# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies carried out in the warehouse: a return of the claimed goods (to stock or scrap) and
a replacement, by a free sale order (through the suite's confirmation gate) or a delivery."""

from odoo import Command, models
from odoo.exceptions import UserError


class AdvClaimRemedy(models.Model):
    _inherit = "adv.claim.remedy"  # pylint: disable=consider-merging-classes-inherited

    def _execute_return(self):
        lines = self.line_ids.filtered("move_id")
        pickings = lines.move_id.picking_id
        if len(pickings) != 1:
            raise UserError(
                self.env._("A return needs claimed lines of exactly one validated delivery.")
            )
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=pickings.id, active_model="stock.picking")
            .create({"picking_id": pickings.id})
        )
        quantities = {line.move_id.id: line.quantity for line in lines}
        for return_line in wizard.product_return_moves:
            return_line.quantity = quantities.get(return_line.move_id.id, 0.0)
        picking = wizard._create_return()
        if self.return_destination == "scrap":
            scrap = self._get_scrap_location()
            picking.write({"location_dest_id": scrap.id})
            picking.move_ids.write({"location_dest_id": scrap.id})
        picking.origin = f"{picking.origin or ''} ({self.claim_id.name})".strip()
        self.picking_id = picking

    def _execute_replacement(self):
        """The claimed goods again, free of charge: a message when a control refused the order."""
        if not self.line_ids:
            raise UserError(self.env._("A replacement needs claimed lines."))
        if self.replacement_mode == "order":
            return self._execute_replacement_order()
        picking = self.env["stock.picking"].create(self._prepare_replacement_picking_values())
        picking.action_confirm()
        self.picking_id = picking
        return None

    # ------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------

    def _get_scrap_location(self):
        scrap = self.env["stock.location"].search(
            [("scrap_location", "=", True), ("company_id", "in", [self.company_id.id, False])],
            limit=1,
        )
        if not scrap:
            raise UserError(self.env._("No scrap location in this company."))
        return scrap

    def _execute_replacement_order(self):
        """Confirm the replacement order (the quotation of a previous attempt, else a new one)
        through the suite's confirmation gate: a refusal is recorded by the control (its
        approvers can release the order) and returned here as the message to tell."""
        order = self.sale_order_id.filtered(lambda o: o.state in ("draft", "sent")) or self.env[
            "sale.order"
        ].create(self._prepare_replacement_order_values())
        self.sudo().sale_order_id = order
        refusals = self.env["adv.confirmation.gate"]._submit(order)
        if order.state != "sale":
            return self.env._(
                "%(remedy)s: the replacement order %(order)s was not confirmed and stays a "
                "quotation:\n%(reasons)s",
                remedy=self.name,
                order=order.name,
                reasons=refusals.get(order.id) or self.env._("refused by a control."),
            )
        self.picking_id = order.picking_ids[:1]
        return None

    def _prepare_replacement_order_values(self):
        claim = self.claim_id
        return {
            "partner_id": claim.partner_id.id,
            "company_id": claim.company_id.id,
            "origin": claim.name,
            "client_order_ref": claim.name,
            "order_line": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "price_unit": 0.0,
                    }
                )
                for line in self.line_ids
            ],
        }

    def _prepare_replacement_picking_values(self):
        """A delivery of the claimed goods from the company's first warehouse."""
        claim = self.claim_id
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", claim.company_id.id)], limit=1
        )
        picking_type = warehouse.out_type_id
        source = picking_type.default_location_src_id
        destination = claim.partner_id.property_stock_customer
        return {
            "partner_id": claim.partner_id.id,
            "picking_type_id": picking_type.id,
            "location_id": source.id,
            "location_dest_id": destination.id,
            "origin": claim.name,
            "company_id": claim.company_id.id,
            "move_ids": [
                Command.create(
                    {
                        "name": line.product_id.display_name,
                        "product_id": line.product_id.id,
                        "product_uom_qty": line.quantity,
                        "product_uom": line.product_id.uom_id.id,
                        "location_id": source.id,
                        "location_dest_id": destination.id,
                    }
                )
                for line in self.line_ids
            ],
        }
