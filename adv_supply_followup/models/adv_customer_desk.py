# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's supply follow-up part: a caller found by a delivery reference; their
deliveries (carrier, tracking link, proof of delivery, backorders) and the customer impact of
late receipts on their order lines ("At risk: expected D+10")."""

from odoo import fields, models

from odoo.addons.adv_base.tools import desk

MAX_DELIVERIES = 20
# Shipped deliveries stay on the desk this long (the customer calls about a recent one).
RECENT_DAYS = 30


class AdvCustomerDesk(models.AbstractModel):
    _inherit = "adv.customer.desk"

    def _adv_desk_find(self, term, limit):
        matches = super()._adv_desk_find(term, limit)
        if not self._adv_desk_can_read("stock.picking"):
            return matches
        pickings = self.env["stock.picking"].search(
            [("picking_type_code", "=", "outgoing"), ("name", "ilike", term)],
            limit=limit,
            order="id desc",
        )
        return matches + [
            self._adv_desk_match(picking.partner_id, "reference", picking.name, picking)
            for picking in pickings
        ]

    def _adv_desk_sections(self, customer):
        sections = super()._adv_desk_sections(customer)
        if self._adv_desk_can_read("stock.picking"):
            sections["deliveries"] = self._adv_desk_deliveries_section(customer)
        if self._adv_desk_can_read("sale.order") and self._adv_desk_can_read("adv.supply.impact"):
            self._adv_desk_add_impacts(customer, sections)
        return sections

    def _adv_desk_deliveries_section(self, customer):
        env = self.env
        since = fields.Datetime.subtract(fields.Datetime.now(), days=RECENT_DAYS)
        pickings = env["stock.picking"].search(
            [
                ("partner_id", "child_of", customer.ids),
                ("picking_type_code", "=", "outgoing"),
                "|",
                ("state", "not in", ("done", "cancel")),
                "&",
                ("state", "=", "done"),
                ("date_done", ">=", since),
            ],
            limit=MAX_DELIVERIES,
            order="scheduled_date desc, id desc",
        )
        today = fields.Date.context_today(self)
        rows = [self._adv_desk_delivery_row(picking, today) for picking in pickings]
        return desk.section(
            "deliveries", env._("Deliveries"), 20, rows, empty=env._("No delivery in progress.")
        )

    def _adv_desk_delivery_row(self, picking, today):
        env = self.env
        state = dict(picking._fields["state"]._description_selection(env))[picking.state]
        badges = [desk.badge(state, "success" if picking.state == "done" else "info")]
        if picking.backorder_id:
            badges.append(
                desk.badge(env._("Backorder of %s", picking.backorder_id.name), "warning")
            )
        if picking.adv_pod_date:
            badges.append(
                desk.badge(env._("Delivered %s", desk.fdate(env, picking.adv_pod_date)), "success")
            )
        scheduled = picking.scheduled_date and picking.scheduled_date.date()
        return desk.row(
            picking,
            picking.name,
            picking.origin or "",
            badges=badges,
            details=[
                desk.detail(
                    env._("Shipped") if picking.date_done else env._("Scheduled"),
                    desk.fdate(env, picking.date_done.date() if picking.date_done else scheduled),
                ),
                desk.detail(env._("Carrier"), picking.carrier_id.name),
                desk.detail(env._("Tracking"), picking.carrier_tracking_ref),
            ],
            url=picking.carrier_tracking_url or "",
        )

    def _adv_desk_add_impacts(self, customer, sections):
        """The customer impact of late receipts: on the lines of the orders section when
        another addon gave it, else an orders section of the orders at risk (one search)."""
        env = self.env
        impacts = env["adv.supply.impact"].search(
            [
                ("sale_order_id", "any", [("partner_id", "child_of", customer.ids)]),
                ("date_new", "!=", False),
            ]
        )
        if not impacts:
            return
        today = fields.Date.context_today(self)

        def at_risk(impact):
            return desk.badge(
                env._("At risk: expected %s", desk.days_from(env, today, impact.date_new)),
                "warning",
            )

        by_line = {impact.sale_line_id.id: impact for impact in impacts}
        if "orders" in sections:
            for row in sections["orders"]["rows"]:
                for line in row["lines"]:
                    impact = by_line.get(line.get("sale_line_id"))
                    if impact:
                        line["badges"].append(at_risk(impact))
            return
        rows = []
        for order in impacts.sale_order_id:
            lines = [
                {
                    "title": impact.product_id.display_name,
                    "subtitle": f"{impact.qty_at_risk:g}",
                    "badges": [at_risk(impact)],
                    "details": [desk.detail(env._("Promised"), desk.fdate(env, impact.date_due))],
                }
                for impact in impacts.filtered(lambda i, o=order: i.sale_order_id == o)
            ]
            rows.append(desk.row(order, order.name, order.client_order_ref or "", lines=lines))
        sections["orders"] = desk.section("orders", env._("Orders at risk"), 10, rows)
