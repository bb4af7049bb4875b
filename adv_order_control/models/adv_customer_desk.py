# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer desk's order control part: a caller found by an order number or their PO
reference, their open orders line by line (promised against expected date), their credit, and
the order-status e-mail."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import create_index

from odoo.addons.adv_base.tools import desk

MAX_ORDERS = 20
OPEN_ORDERS = [
    "|",
    ("state", "in", ("draft", "sent")),
    "&",
    ("state", "=", "sale"),
    "|",
    ("delivery_status", "!=", "full"),
    ("invoice_status", "=", "to invoice"),
]
CREDIT_TONES = {"blocked": "danger", "warn": "warning", "released": "info"}


class AdvCustomerDesk(models.AbstractModel):
    _inherit = "adv.customer.desk"

    def init(self):
        res = super().init()
        if self.env.registry.has_trigram:
            # The desk finds an order by any part of the customer's PO reference (the order's
            # own name has Odoo's trigram index).
            create_index(
                self.env.cr,
                "sale_order_client_order_ref_trgm_idx",
                "sale_order",
                ["client_order_ref gin_trgm_ops"],
                method="gin",
            )
        return res

    # ------------------------------------------------------------------ find
    def _adv_desk_find(self, term, limit):
        matches = super()._adv_desk_find(term, limit)
        if not self._adv_desk_can_read("sale.order"):
            return matches
        orders = self.env["sale.order"].search(
            ["|", ("name", "ilike", term), ("client_order_ref", "ilike", term)],
            limit=limit,
            order="date_order desc, id desc",
        )
        return matches + [
            self._adv_desk_match(
                order.partner_id,
                "reference",
                " / ".join(filter(None, [order.name, order.client_order_ref])),
                order,
            )
            for order in orders
        ]

    # ------------------------------------------------------------------ sections
    def _adv_desk_sections(self, customer):
        sections = super()._adv_desk_sections(customer)
        if self._adv_desk_can_read("sale.order"):
            sections["orders"] = self._adv_desk_orders_section(customer)
        if customer._fields["adv_credit_limit"].is_accessible(self.env):
            sections["credit"] = self._adv_desk_credit_section(customer)
        return sections

    def _adv_desk_actions(self):
        return {**super()._adv_desk_actions(), "order_status": "_adv_desk_action_order_status"}

    @api.model
    def _adv_desk_open_orders(self, customer):
        """The customer's open orders (quotations, orders not fully delivered or invoiced),
        latest first, and {line: (promised date, expected date)}: three queries."""
        orders = self.env["sale.order"].search(
            [("partner_id", "child_of", customer.ids), *OPEN_ORDERS],
            limit=MAX_ORDERS,
            order="date_order desc, id desc",
        )
        lines = orders.order_line.filtered(lambda line: not line.display_type)
        expected = {}
        if self._adv_desk_can_read("stock.move"):
            expected = dict(
                self.env["stock.move"]._read_group(
                    [("sale_line_id", "in", lines.ids), ("state", "not in", ("done", "cancel"))],
                    ["sale_line_id"],
                    ["date:max"],
                )
            )
        dates = {}
        for line in lines:
            order = line.order_id
            promised = order.commitment_date or (
                order.date_order + timedelta(days=line.customer_lead)
            )
            moved = expected.get(line)
            dates[line] = (promised.date(), moved.date() if moved else False)
        return orders, dates

    def _adv_desk_orders_section(self, customer):
        env = self.env
        orders, dates = self._adv_desk_open_orders(customer)
        today = fields.Date.context_today(self)
        rows = []
        for order in orders:
            lines = [
                self._adv_desk_order_line(line, *dates[line], today=today)
                for line in order.order_line
                if line in dates
            ]
            state = dict(order._fields["state"]._description_selection(env))[order.state]
            badges = [desk.badge(state, "info" if order.state == "sale" else "secondary")]
            if order.adv_credit_state in ("blocked", "warn"):
                credit = dict(order._fields["adv_credit_state"]._description_selection(env))
                badges.append(
                    desk.badge(
                        env._("Credit: %s", credit[order.adv_credit_state]),
                        CREDIT_TONES[order.adv_credit_state],
                    )
                )
            rows.append(
                desk.row(
                    order,
                    order.name,
                    order.client_order_ref or "",
                    badges=badges,
                    details=[
                        desk.detail(env._("Ordered"), desk.fdate(env, order.date_order.date())),
                        desk.detail(
                            env._("Total"), desk.famount(env, order.amount_total, order.currency_id)
                        ),
                    ],
                    lines=lines,
                )
            )
        return desk.section(
            "orders",
            env._("Open orders"),
            10,
            rows,
            actions=[desk.action("order_status", env._("E-mail the order status"))]
            if orders
            else [],
            empty=env._("No open order."),
        )

    def _adv_desk_order_line(self, line, promised, expected, today):
        env = self.env
        if not expected:
            delivered = line.qty_delivered >= line.product_uom_qty
            badge = (
                desk.badge(env._("Delivered"), "success")
                if delivered
                else desk.badge(env._("Not planned"), "secondary")
            )
        elif expected > promised:
            badge = desk.badge(
                env._("Late: expected %s", desk.days_from(env, today, expected)), "danger"
            )
        else:
            badge = desk.badge(env._("On time"), "success")
        return {
            "title": f"{line.product_uom_qty:g} x {line.product_id.display_name or line.name}",
            "subtitle": "",
            "badges": [badge],
            "details": [
                detail
                for detail in (
                    desk.detail(env._("Promised"), desk.fdate(env, promised)),
                    desk.detail(env._("Expected"), desk.fdate(env, expected)),
                )
                if detail["value"]  # (as on a card: no label without its value)
            ],
            "sale_line_id": line.id,
        }

    def _adv_desk_credit_section(self, customer):
        env = self.env
        currency = customer.adv_credit_currency_id
        available = customer.adv_credit_limit - customer.adv_exposure
        figures = [
            desk.figure(
                env._("Credit limit"), desk.famount(env, customer.adv_credit_limit, currency)
            ),
            desk.figure(env._("Exposure"), desk.famount(env, customer.adv_exposure, currency)),
            desk.figure(
                env._("Available"),
                desk.famount(env, available, currency),
                "danger" if customer.adv_credit_limit and available < 0 else "success",
            ),
            desk.figure(
                env._("Overdue"),
                desk.famount(env, customer.adv_overdue_amount, currency),
                "danger" if customer.adv_overdue_amount else "secondary",
            ),
        ]
        alerts = []
        if customer.adv_on_credit_hold:
            alerts.append(env._("On credit hold: %s", customer.adv_credit_hold_reason or ""))
        return desk.section("credit", env._("Credit"), 5, figures=figures, alerts=alerts)

    # ------------------------------------------------------------------ actions
    def _adv_desk_action_order_status(self, customer, res_id=False):
        """The order-status e-mail in the composer, in the customer's language."""
        template = self.env.ref("adv_order_control.mail_template_order_status")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("E-mail the order status"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_ids": customer.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
            },
        }

    @api.model
    def _adv_desk_order_status(self, customer):
        """What the order-status e-mail lists: per open order, its lines with their expected
        date (the promised one when nothing is planned), formatted in the rendering language."""
        orders, dates = self._adv_desk_open_orders(customer)
        env = self.env
        return [
            {
                "name": order.name,
                "ref": order.client_order_ref or "",
                "lines": [
                    {
                        "product": line.product_id.display_name or line.name,
                        "qty": f"{line.product_uom_qty:g}",
                        "date": desk.fdate(env, dates[line][1] or dates[line][0]),
                    }
                    for line in order.order_line
                    if line in dates
                ],
            }
            for order in orders
        ]
