# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from odoo import fields, models

from .impact import mts_impact

# How far make-to-order chains are followed (receipt, input, quality, stock, pick, pack, out).
MTO_MAX_HOPS = 6
OPEN_MOVE = ("done", "cancel", "draft")


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"

    adv_chase_ids = fields.One2many(
        comodel_name="adv.supply.chase", inverse_name="purchase_id", string="Chases"
    )
    adv_chase_count = fields.Integer(
        string="Number of chases",
        compute="_compute_adv_chase_count",
        groups="adv_supply_followup.group_supply_followup",
    )
    adv_date_ids = fields.One2many(
        comodel_name="adv.purchase.line.date", inverse_name="order_id", string="Date history"
    )

    def _compute_adv_chase_count(self):
        counts = dict(
            self.env["adv.supply.chase"]._read_group(
                [("purchase_id", "in", self.ids)], ["purchase_id"], ["__count"]
            )
        )
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
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_supply_followup.adv_supply_chase_action"
        )
        action["domain"] = [("purchase_id", "in", self.ids)]
        action["context"] = {}
        return action

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
            chases.write(
                {
                    "state": "answered",
                    "answer_comment": comment,
                    "date_answer": fields.Datetime.now(),
                    "answer_user_id": self.env.user.id,
                }
            )
            chases.activity_ids.action_feedback(feedback=comment)
        if not declined:
            lines = self.order_line.filtered(lambda line: not line.display_type)
            lines.sudo()._adv_log_dates("confirmed", comment)

    # ------------------------------------------------------------
    # CUSTOMER IMPACT
    # ------------------------------------------------------------

    def _adv_impacted_sale_orders(self):
        """The customer orders that these purchase orders' expected receipts make late."""
        rows = self._adv_impact_rows()
        ids = {row["sale_order_id"] for po_rows in rows.values() for row in po_rows}
        return self.env["sale.order"].browse(sorted(ids))

    def _adv_impact_rows(self):
        """``{purchase id: [impact row]}``, ranked by amount at risk then due date; each row's
        ``_cause`` is the late receipt move it waits for.

        Make-to-order: the customer deliveries reached from the receipts by ``move_dest_ids``
        (or sharing their procurement group's sale order) are at risk when the receipt is
        expected after their due date. Make-to-stock: the forecast of each product (stock on
        hand, other receipts, customer deliveries by due date), see :mod:`.impact`.
        A few set-based reads for all the orders, whatever their number.
        """
        Move = self.env["stock.move"].sudo()
        inbound = Move.search(
            [
                ("purchase_line_id.order_id", "in", self.ids),
                ("state", "not in", OPEN_MOVE),
                ("picking_code", "=", "incoming"),
            ]
        )
        if not inbound:
            return {}
        mto = self._adv_mto_demands(inbound)
        products = inbound.product_id
        companies = inbound.company_id
        other_in = defaultdict(list)
        for move in Move.search_read(
            [
                ("product_id", "in", products.ids),
                ("company_id", "in", companies.ids),
                ("state", "not in", OPEN_MOVE),
                ("picking_code", "=", "incoming"),
                ("id", "not in", inbound.ids),
            ],
            ["product_id", "date", "product_qty"],
        ):
            other_in[move["product_id"][0]].append((move["date"].date(), move["product_qty"]))
        demands = Move.search(
            [
                ("product_id", "in", products.ids),
                ("company_id", "in", companies.ids),
                ("state", "not in", OPEN_MOVE),
                ("location_dest_id.usage", "=", "customer"),
                ("sale_line_id", "!=", False),
                ("procure_method", "=", "make_to_stock"),
                ("id", "not in", list({d for ds in mto.values() for d in ds})),
            ]
        )
        demands_by_product = defaultdict(list)
        for move in demands:
            demands_by_product[move.product_id.id].append(
                {"key": move.id, "date_due": self._adv_due_date(move), "qty": move.product_qty}
            )
        on_hand = {}
        for company in companies:
            for product in products.with_company(company):
                on_hand[company.id, product.id] = product.qty_available
        result = {}
        for order in self:
            late = inbound.filtered(lambda m, o=order: m.purchase_line_id.order_id == o)
            late_ids = set(late.ids)
            expected = {m.id: self._adv_expected_date(m) for m in late}
            rows = []
            for move in late:
                date_new = expected[move.id]
                for dest in Move.browse(mto.get(move.id, [])):
                    if date_new > self._adv_due_date(dest):
                        row = self._adv_impact_row(order, dest, dest.product_qty, date_new)
                        row["_cause"] = move.id
                        rows.append(row)
            for product in late.product_id:
                mts = mts_impact(
                    on_hand.get((order.company_id.id, product.id), 0.0),
                    other_in[product.id]
                    + [
                        (m.date.date(), m.product_qty)
                        for m in inbound
                        if m.product_id == product and m.id not in late_ids
                    ],
                    [(expected[m.id], m.product_qty) for m in late if m.product_id == product],
                    demands_by_product[product.id],
                )
                # The receipt a delivery waits for: the late one that arrives on its new date.
                cause_by_date = {}
                for m in late:
                    if m.product_id == product:
                        cause_by_date.setdefault(expected[m.id], m.id)
                for move_id, (qty, date_new) in mts.items():
                    row = self._adv_impact_row(order, Move.browse(move_id), qty, date_new)
                    row["_cause"] = cause_by_date.get(date_new)
                    rows.append(row)
            rows.sort(key=lambda r: (-r["amount"], r["date_due"]))
            result[order.id] = rows
        return result

    def _adv_mto_demands(self, inbound):
        """``{receipt move id: [customer move ids]}`` down the make-to-order chains."""
        result = defaultdict(set)
        origin = {move.id: move.id for move in inbound}
        frontier = inbound
        for _hop in range(MTO_MAX_HOPS):
            nxt = frontier.move_dest_ids.filtered(lambda m: m.state not in OPEN_MOVE)
            if not nxt:
                break
            for move in frontier:
                for dest in move.move_dest_ids:
                    origin.setdefault(dest.id, origin[move.id])
            for dest in nxt:
                if dest.location_dest_id.usage == "customer" and dest.sale_line_id:
                    result[origin[dest.id]].add(dest.id)
            frontier = nxt
        # The receipt's procurement group may belong to a sale order (make-to-order route).
        for move in inbound.filtered(lambda m: m.group_id.sale_id):
            for dest in move.group_id.sale_id.order_line.move_ids:
                if (
                    dest.product_id == move.product_id
                    and dest.state not in OPEN_MOVE
                    and dest.location_dest_id.usage == "customer"
                ):
                    result[move.id].add(dest.id)
        return {key: sorted(ids) for key, ids in result.items()}

    def _adv_expected_date(self, move):
        """When a receipt of these orders will likely arrive: its planned date or its deadline
        (where an answer moved it), and not before tomorrow when it is already overdue."""
        expected = max(move.date, move.date_deadline or move.date).date()
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        return expected if expected >= fields.Date.context_today(self) else tomorrow

    def _adv_due_date(self, move):
        """The date the customer was promised: the order's commitment, else the deadline."""
        order = move.sale_line_id.order_id
        due = order.commitment_date or move.date_deadline or move.date
        return due.date()

    def _adv_impact_row(self, order, move, qty, date_new):
        line = move.sale_line_id
        sale = line.order_id
        amount = qty * line.price_reduce_taxexcl
        company = sale.company_id
        if sale.currency_id != company.currency_id:
            amount = sale.currency_id._convert(
                amount, company.currency_id, company, fields.Date.context_today(self)
            )
        return {
            "purchase_id": order.id,
            "sale_order_id": sale.id,
            "sale_line_id": line.id,
            "move_id": move.id,
            "product_id": move.product_id.id,
            "qty_at_risk": qty,
            "date_due": self._adv_due_date(move),
            "date_new": date_new,
            "amount": amount,
            "mode": "mto" if move.procure_method == "make_to_order" else "mts",
        }
