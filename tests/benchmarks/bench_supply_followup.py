# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily chase cron on 5 000 late receipts and 5 000 late shipments (real size).

One real confirmed purchase order and one real confirmed sale order are made with the ORM; their
receipt and delivery (with their moves) are copied with SQL, all late by three days. Prints the
time of the cron (close resolved chases, select candidates, open the chases, e-mail the vendors,
schedule activities, compute the customer impact), the queries of each batch of 500 documents
(they must not grow with the data size), the customer-impact computation alone, and a second
run that must create nothing. Everything is rolled back at the end.
"""

import time
import uuid
from datetime import timedelta

from _harness import SIZES, Timer, clone_rows, environment, parse_args

from odoo import Command, fields
from odoo.tools import SQL


def clone_picking(env, picking, count):
    """``count`` copies of ``picking`` and its moves, in one statement."""
    name = SQL("name || '/' || %s || '/' || g", uuid.uuid4().hex[:6])
    clone_rows(env, picking, count, {"name": name}, children=("stock_move", "picking_id", {}))
    env.invalidate_all()


def build(env, n):
    # With adv_order_control installed too, its conformity and new-customer solvency checks
    # would hold the bench customer's order: not what this benchmark measures (rolled back).
    switches = {"adv_conformity_check": False, "adv_solvency_new_customer": False}
    env.company.write({k: v for k, v in switches.items() if k in env.company._fields})
    now = fields.Datetime.now()
    late = now - timedelta(days=3)
    vendor = env["res.partner"].create({"name": "Bench vendor", "email": "v@bench.example"})
    customer = env["res.partner"].create({"name": "Bench customer"})
    product = env["product.product"].create({"name": "Bench part", "is_storable": True})
    purchase = env["purchase.order"].create(
        {
            "partner_id": vendor.id,
            "order_line": [
                Command.create({"product_id": product.id, "product_qty": 10, "price_unit": 5.0})
            ],
        }
    )
    purchase.button_confirm()
    purchase.mail_reception_confirmed = True
    sale = env["sale.order"].create(
        {
            "partner_id": customer.id,
            "order_line": [
                Command.create({"product_id": product.id, "product_uom_qty": 2, "price_unit": 9})
            ],
        }
    )
    sale.action_confirm()
    assert sale.state == "sale", "the bench sale order was not confirmed"
    for picking in (purchase.picking_ids, sale.picking_ids):
        picking.move_ids.write({"date": late, "date_deadline": late})
        picking.write({"scheduled_date": late})
        clone_picking(env, picking, n - 1)
    return purchase


def timed_generate(env):
    """(seconds, chases, [queries per batch], [seconds per batch])."""
    Chase = env["adv.supply.chase"]
    batch_queries, batch_times = [], []
    original = type(Chase)._generate_batch

    def counting(self, kind, rows, levels, now):
        before, started = self.env.cr.sql_log_count, time.perf_counter()
        result = original(self, kind, rows, levels, now)
        self.env.flush_all()
        batch_queries.append((kind, self.env.cr.sql_log_count - before))
        batch_times.append(round(time.perf_counter() - started, 2))
        return result

    type(Chase)._generate_batch = counting
    try:
        env.flush_all()
        start = time.perf_counter()
        created = Chase._generate()
        env.flush_all()
        return time.perf_counter() - start, created, batch_queries, batch_times
    finally:
        type(Chase)._generate_batch = original


def main():
    args = parse_args(__doc__)
    n = max(int(5000 * SIZES[args.size]), 20)
    with environment(args) as env:
        env["adv.supply.chase"].search([]).write({"state": "closed"})
        purchase = build(env, n)
        total, created, queries, times = timed_generate(env)
        print(f"\nSupply chase cron: {n} late receipts + {n} late shipments")
        print(f"  first run: {total:.2f} s, {len(created)} chases opened")
        print(f"  queries per batch of up to 500 documents: {queries}")
        print(f"  seconds per batch: {times}")
        again, created_again, _queries, _times = timed_generate(env)
        print(f"  second run: {again:.2f} s, {len(created_again)} chases opened")
        timer = Timer("Customer impact")
        with timer.measure(f"impacted sale orders of a PO with {n} receipts", env):
            impacted = purchase._adv_impacted_sale_orders()
        timer.print()
        rows = env["adv.supply.impact"].search_count([("chase_id", "in", created.ids)])
        print(f"  customer-impact rows stored: {rows} (one per delivery at risk, not per receipt)")
        # Each late receipt's chase holds the deliveries waiting for that receipt: the rows
        # grow with the deliveries, not with receipts x deliveries.
        assert rows <= 2 * n, rows
        mine = created.filtered(lambda c: c.kind in ("late_receipt", "late_shipment"))
        assert len(mine) >= 2 * n, len(mine)
        assert not created_again
        assert impacted is not None


if __name__ == "__main__":
    main()
