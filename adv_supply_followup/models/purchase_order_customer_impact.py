# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer orders that a purchase's expected receipts make late (the customer impact)."""

from collections import defaultdict, namedtuple
from datetime import timedelta

from odoo import fields, models
from odoo.tools import SQL

from ..tools.customer_impact import IncomingTimeline, mts_impact

# How far make-to-order chains are followed (receipt, input, quality, stock, pick, pack, out).
MTO_MAX_HOPS = 6
OPEN_MOVE = ("done", "cancel", "draft")

# What the make-to-stock analysis of a set of receipts needs, read once for all their orders:
# ``other_incoming`` {product id: [(date, qty)]} of the receipts not analysed, ``demands``
# {product id: [demand]} of the customer deliveries from stock, ``on_hand``
# {(company id, product id): qty}.
StockForecast = namedtuple("StockForecast", ["other_incoming", "demands", "on_hand"])


class PurchaseOrder(models.Model):
    _inherit = "purchase.order"  # pylint: disable=consider-merging-classes-inherited

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
        hand, other receipts, customer deliveries by due date), see
        :mod:`..tools.customer_impact`. A few set-based reads for all the orders, whatever their
        number.
        """
        inbound = self._adv_receipt_moves()
        if not inbound:
            return {}
        mto = self._adv_mto_demands(inbound)
        forecast = self._adv_stock_forecast(inbound, mto)
        by_order, incoming = defaultdict(list), defaultdict(list)
        for move in inbound:
            by_order[move.purchase_line_id.order_id.id].append(move.id)
            incoming[move.product_id.id].append((move.date.date(), move.product_qty))
        # Per product, all its receipts (those analysed at their current date) by date, sorted
        # once: each order's analysis takes its own receipts out of them.
        timelines = {
            product_id: IncomingTimeline(forecast.other_incoming[product_id] + analysed)
            for product_id, analysed in incoming.items()
        }
        result = {}
        for order in self:
            late = inbound.browse(by_order[order.id])
            expected = {m.id: self._adv_expected_date(m) for m in late}
            rows = order._adv_mto_impact_rows(late, expected, mto)
            rows += order._adv_mts_impact_rows(late, expected, timelines, forecast)
            rows.sort(key=lambda r: (-r["amount"], r["date_due"]))
            result[order.id] = rows
        return result

    def _adv_receipt_moves(self):
        """The open receipt moves of these orders (the receipts analysed), in one query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """SELECT m.id FROM stock_move m
                     JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
                     JOIN stock_picking_type t ON t.id = m.picking_type_id
                    WHERE pol.order_id = ANY(%s) AND m.state NOT IN %s AND t.code = 'incoming'
                 ORDER BY m.sequence, m.id""",
                self.ids,
                OPEN_MOVE,
            )
        )
        return self.env["stock.move"].sudo().browse(row[0] for row in self.env.cr.fetchall())

    def _adv_stock_forecast(self, inbound, mto):
        """The :data:`StockForecast` of the products of the receipt moves ``inbound``, in three
        reads (the moves are flushed by :meth:`_adv_receipt_moves`); the customer deliveries
        served by make-to-order (``mto``) are left out."""
        products, companies = inbound.product_id, inbound.company_id
        other_incoming, demands = defaultdict(list), defaultdict(list)
        self.env.cr.execute(
            SQL(
                """SELECT m.product_id, m.date, m.product_qty FROM stock_move m
                     JOIN stock_picking_type t ON t.id = m.picking_type_id
                    WHERE m.product_id = ANY(%s) AND m.company_id = ANY(%s)
                      AND m.state NOT IN %s AND t.code = 'incoming' AND m.id != ALL(%s)
                 ORDER BY m.date""",
                products.ids,
                companies.ids,
                OPEN_MOVE,
                inbound.ids,
            )
        )
        for product_id, date, qty in self.env.cr.fetchall():
            other_incoming[product_id].append((date.date(), qty))
        # The customer deliveries from stock, with their due date (:meth:`_adv_due_date`).
        self.env.cr.execute(
            SQL(
                """SELECT m.id, m.product_id, m.product_qty,
                          COALESCE(so.commitment_date, m.date_deadline, m.date)
                     FROM stock_move m
                     JOIN stock_location dest ON dest.id = m.location_dest_id
                     JOIN sale_order_line sol ON sol.id = m.sale_line_id
                     JOIN sale_order so ON so.id = sol.order_id
                    WHERE m.product_id = ANY(%s) AND m.company_id = ANY(%s)
                      AND m.state NOT IN %s AND dest.usage = 'customer'
                      AND m.procure_method = 'make_to_stock' AND m.id != ALL(%s)
                 ORDER BY m.sequence, m.id""",
                products.ids,
                companies.ids,
                OPEN_MOVE,
                sorted({d for ds in mto.values() for d in ds}),
            )
        )
        for move_id, product_id, qty, due in self.env.cr.fetchall():
            demands[product_id].append({"key": move_id, "date_due": due.date(), "qty": qty})
        on_hand = {
            (company.id, product.id): product.qty_available
            for company in companies
            for product in products.with_company(company)
        }
        return StockForecast(other_incoming, demands, on_hand)

    def _adv_mto_impact_rows(self, late, expected, mto):
        """The make-to-order rows of one order: the customer deliveries chained to its receipt
        moves ``late`` that are due before the receipt's ``expected`` date."""
        self.ensure_one()
        Move = self.env["stock.move"].sudo()
        return [
            self._adv_impact_row(dest, dest.product_qty, expected[move.id], move.id)
            for move in late
            for dest in Move.browse(mto.get(move.id, []))
            if expected[move.id] > self._adv_due_date(dest)
        ]

    def _adv_mts_impact_rows(self, late, expected, timelines, forecast):
        """The make-to-stock rows of one order: per product of its receipt moves ``late``, the
        deliveries from stock that these receipts, now ``expected`` later, leave short.
        ``timelines``: ``{product id: IncomingTimeline}`` of all the product's receipts (the
        other orders' ones analysed at their current date are other incoming goods here)."""
        self.ensure_one()
        Move = self.env["stock.move"].sudo()
        rows = []
        for product in late.product_id:
            analysed = late.filtered(lambda m, p=product: m.product_id == p)
            own = [(m.date.date(), m.product_qty) for m in analysed]
            timeline = timelines[product.id]

            def other_by(day, timeline=timeline, own=own):
                return timeline.by(day) - sum(qty for date, qty in own if date <= day)

            at_risk = mts_impact(
                forecast.on_hand.get((self.company_id.id, product.id), 0.0),
                (),
                [(expected[m.id], m.product_qty) for m in analysed],
                forecast.demands[product.id],
                other_by=other_by,
            )
            # The receipt a delivery waits for: the late one that arrives on its new date.
            cause_by_date = {}
            for move in analysed:
                cause_by_date.setdefault(expected[move.id], move.id)
            for move_id, (qty, date_new) in at_risk.items():
                row = self._adv_impact_row(
                    Move.browse(move_id), qty, date_new, cause_by_date.get(date_new)
                )
                rows.append(row)
        return rows

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

    def _adv_impact_row(self, move, qty, date_new, cause):
        """The impact row of this order's delay on the customer delivery ``move``; ``_cause``:
        the receipt move (id) it waits for."""
        self.ensure_one()
        line = move.sale_line_id
        sale = line.order_id
        amount = qty * line.price_reduce_taxexcl
        company = sale.company_id
        if sale.currency_id != company.currency_id:
            amount = sale.currency_id._convert(
                amount, company.currency_id, company, fields.Date.context_today(self)
            )
        return {
            "purchase_id": self.id,
            "sale_order_id": sale.id,
            "sale_line_id": line.id,
            "move_id": move.id,
            "product_id": move.product_id.id,
            "qty_at_risk": qty,
            "date_due": self._adv_due_date(move),
            "date_new": date_new,
            "amount": amount,
            "mode": "mto" if move.procure_method == "make_to_order" else "mts",
            "_cause": cause,
        }
