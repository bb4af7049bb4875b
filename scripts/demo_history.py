# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo company's past months, so that every ADV dashboard has a shape.

Played by ``scripts/demo_story.py`` before the story, once (``ir.config_parameter``
``adv.demo_history``), in the story's transaction: the 13 weeks before this one (``WEEKS``, the
dashboards' default period; a longer history would not play in the 40 s the test command
allows), on customers, products, vendors and carriers of its own (``demo_history_data.py``; the
story's records are untouched), by the real methods of the addons, each at its moment: one
frozen clock for the whole history, moved from event to event (moving a frozen clock is cheap,
starting one is not), the transaction's timestamp (``create_date``) moved with it.

- every week, 3 or 4 orders: most confirm at once; those over a customer's credit limit (or with
  its invoices overdue) are held, a release is requested and the controller releases them after
  a few hours to two days, or refuses one now and then;
- deliveries on time, late or partial against the promised date, with Transports Vidal or
  Messageries Alpines (their proofs of delivery on time or not); invoiced on Fridays, paid by
  each customer's habit (early, on time, late, or not at all: overdue today at every age);
- the weekly dunning run of these customers: notices at every level; the collector's call ends
  in a payment promise (kept or broken) or a disputed invoice (left unpaid);
- claims of several causes on some deliveries, acknowledged and resolved at various delays;
- replenishment from two vendors, some late: the chase, the vendor's new date, the receipt;
- two trade shows: their leads, some won, whose first order follows.

Randomness is seeded: the same history every time, relative to the day it is played.
"""

import heapq
import itertools
import random
from datetime import datetime, time, timedelta

from demo_history_data import (
    CARRIERS,
    CUSTOMERS,
    PRODUCTS,
    SHOWS,
    VENDORS,
    french_identity,
    friday,
)
from demo_history_side import SideEvents
from freezegun import freeze_time

from odoo import Command
from odoo.osv.expression import OR

MARKER = "adv.demo_history"
QUIET = {"mail_create_nolog": True, "mail_notrack": True, "mail_create_nosubscribe": True}
WEEKS = 13


class History(SideEvents):
    """A discrete-event history: events (moment, action) run in time order on a frozen clock."""

    def __init__(self, env, today, weeks=WEEKS, seed=22):
        # the business messages are posted; no creation log nor field tracking (faster)
        self.env = env(context=dict(env.context, **QUIET))
        self.today = today
        # weeks from Monday to Friday, the last one ending before today
        self.start = today - timedelta(weeks=weeks, days=today.weekday())
        self.weeks = weeks
        self.rng = random.Random(seed)
        self.company = env.company
        self.fr = env.ref("base.fr")
        self.queue = []
        self.counter = itertools.count()
        self.customers = env["res.partner"]
        self.habits = {}
        self.weights = {}
        self.purchases = env["purchase.order"]
        self.records = []  # (model, ids) whose leftover activities are cleaned at the end
        self.stats = dict.fromkeys(
            ("orders", "held", "refused", "deliveries", "claims", "calls", "promises"), 0
        )
        self.batches = {}  # (kind, day): the day's items of a batched run
        self.claim_rate = 0.12

    # -- clock and queue ------------------------------------------------------------------

    def moment(self, day, hour=9, minute=0):
        return datetime.combine(day, time(hour, minute))

    def schedule(self, when, action, *args):
        if when.date() < self.today:
            heapq.heappush(self.queue, (when, next(self.counter), action, args))

    def play(self):
        with freeze_time(self.moment(self.start, 7)) as clock:
            try:
                self.env.cr._now = self.moment(self.start, 7)
                self.setting()
                for week in range(self.weeks):
                    self.plan_week(self.start + timedelta(weeks=week))
                while self.queue:
                    when, __, action, args = heapq.heappop(self.queue)
                    clock.move_to(when)
                    self.env.cr._now = when  # create_date and write_date of this moment
                    action(*args)
                self.cleanup()
            finally:
                self.env.cr._now = None
        return self.stats

    # -- setting --------------------------------------------------------------------------

    def setting(self):
        """The customers, the vendors, carriers and products (in stock), the shows planned."""
        self.customers_setting()
        self.supply_setting()
        for n, show in enumerate(SHOWS):
            begin = self.today - timedelta(weeks=show[2])
            if begin > self.start:  # planned a month before (or when the history starts)
                planned = max(begin - timedelta(days=30), self.start)
                self.schedule(self.moment(planned, 8), self.show_planned, n, begin)

    def customers_setting(self):
        env = self.env
        term = {
            30: "account.account_payment_term_30days",
            45: "account.account_payment_term_45days",
        }
        for n, (name, city, zip_code, days, habit, limit, weight) in enumerate(CUSTOMERS):
            customer = self._company(name, city, zip_code, n, env.ref(term[days]))
            customer.with_company(self.company).write(
                {"credit_limit": limit, "use_partner_credit_limit": True}
            )
            self.habits[customer.id] = habit
            self.weights[customer.id] = weight
            self.customers |= customer

    def supply_setting(self):
        env = self.env
        self.vendors = env["res.partner"].create(
            [
                {"name": name, "is_company": True, "supplier_rank": 1, "country_id": self.fr.id}
                | french_identity(20 + n)
                for n, name in enumerate(VENDORS)
            ]
        )
        freight = env["product.product"].create(
            {"name": "Transport palettes (historique)", "type": "service", "list_price": 0.0}
        )
        self.carriers = env["delivery.carrier"].browse()
        for n, (name, transit) in enumerate(CARRIERS):
            partner = env["res.partner"].create(
                {"name": name, "is_company": True, "country_id": self.fr.id}
                | french_identity(30 + n)
            )
            self.carriers |= env["delivery.carrier"].create(
                {
                    "name": name,
                    "product_id": freight.id,
                    "adv_transit_days": transit,
                    "adv_partner_id": partner.id,
                }
            )
        self.products = env["product.product"].create(
            [
                {
                    "name": name,
                    "default_code": code,
                    "is_storable": True,
                    "invoice_policy": "delivery",
                    "list_price": price,
                    "standard_price": cost,
                    "sale_delay": lead,
                    "seller_ids": [
                        Command.create(
                            {"partner_id": self.vendors[n % 2].id, "price": cost, "delay": 7}
                        )
                    ],
                }
                for n, (name, code, price, cost, lead) in enumerate(PRODUCTS)
            ]
        )
        stock = env["stock.warehouse"].search([("company_id", "=", self.company.id)], limit=1)
        env["stock.quant"].with_context(inventory_mode=True).create(
            [
                {
                    "product_id": product.id,
                    "location_id": stock.lot_stock_id.id,
                    "inventory_quantity": 100000,
                }
                for product in self.products
            ]
        )._apply_inventory()

    def _company(self, name, city, zip_code, n, term):
        return self.env["res.partner"].create(
            {
                "name": name,
                "is_company": True,
                "street": f"{10 + n} avenue des Artisans",
                "city": city,
                "zip": zip_code,
                "country_id": self.fr.id,
                "lang": "fr_FR",
                "email": f"compta@client-{n}.example.com",
                "phone": f"+33 4 91 00 {10 + n:02d} {20 + n:02d}",
                "property_payment_term_id": term.id,
                "customer_rank": 1,
            }
            | french_identity(n)
        )

    # -- orders, holds and releases ---------------------------------------------------------

    def plan_week(self, monday):
        days = sorted(
            monday + timedelta(days=self.rng.randint(0, 4)) for __ in range(self.n_orders())
        )
        for day in sorted(set(days)):
            when = self.moment(day, self.rng.randint(8, 15), self.rng.choice((0, 15, 30, 45)))
            weights = [self.weights[c.id] for c in self.customers]
            customers = self.rng.choices(self.customers, weights, k=days.count(day))
            self.schedule(when, self.orders, customers)
        self.schedule(self.moment(monday, 7), self.dunning_run)
        self.schedule(self.moment(monday + timedelta(days=1), 11), self.purchase)
        self.schedule(self.moment(monday + timedelta(days=3), 8), self.chase_run)

    def n_orders(self):
        return self.rng.randint(3, 4)

    def orders(self, customers, lead=None):
        """The orders of a moment, confirmed together (the credit control holds some)."""
        rng = self.rng
        vals_list = []
        for customer in customers:
            products = rng.sample(list(self.products), rng.randint(1, 3))
            values = {
                "partner_id": customer.id,
                "carrier_id": rng.choice(self.carriers).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": p.id,
                            "product_uom_qty": rng.randint(2, 12)
                            * (1 if p.list_price > 100 else 10),
                        }
                    )
                    for p in products
                ],
            }
            if rng.random() < 0.4:  # a date promised on the order, else the products' lead time
                values["commitment_date"] = self.env.cr._now + timedelta(days=rng.randint(5, 12))
            if lead:
                values["opportunity_id"] = lead.id
            vals_list.append(values)
        orders = self.env["sale.order"].create(vals_list)
        self.stats["orders"] += len(orders)
        self.records.append(orders)
        orders.action_confirm()
        self.confirmed(orders.filtered(lambda o: o.state == "sale"))
        held = orders.filtered(lambda o: o.state == "draft")
        self.stats["held"] += len(held)
        if held:
            held._adv_request_release("Client régulier : chantier en cours, commande à livrer")
        for order in held:
            delay = timedelta(hours=rng.choice((1, 2, 3, 5, 8, 20, 26, 45)))
            self.schedule(self.env.cr._now + delay, self.decide, order)

    def decide(self, order):
        check = order.adv_last_check_id
        if check.state != "open":
            return
        if self.rng.random() < (0.5 if self.habits[order.partner_id.id] is None else 0.2):
            check.action_refuse("Encours dépassé et factures échues : paiement d'abord")
            order.with_context(disable_cancel_warning=True).action_cancel()
            self.stats["refused"] += 1
            return
        check.action_release("Client connu, règlement annoncé par le gérant")
        if check.state != "released":
            return  # escalated beyond the delegation: it waits (a held order today)
        if order.state == "draft":
            order.action_confirm()
        self.confirmed(order.filtered(lambda o: o.state == "sale"))

    def confirmed(self, orders):
        """Plan each confirmed order's delivery: on time, late, or partly on time."""
        orders.opportunity_id.action_set_won()
        for order in orders:
            promised = order.commitment_date or (
                order.date_order + timedelta(days=max(order.order_line.mapped("customer_lead")))
            )
            recent = self.today - timedelta(days=10) <= promised.date() < self.today
            if recent and self.rng.random() < 0.4:
                continue  # waiting for stock: still to deliver today, past its promised date
            roll = self.rng.random()
            if roll < 0.65:  # on time
                self.ship_on(promised - timedelta(days=self.rng.randint(0, 2)), order, 1.0)
            elif roll < 0.85:  # late
                self.ship_on(promised + timedelta(days=self.rng.randint(2, 12)), order, 1.0)
            else:  # partial on time, the rest late
                self.ship_on(promised - timedelta(days=1), order, 0.5)

    # -- deliveries, invoices, payments: one run a day ------------------------------------

    def ship_on(self, when, order, share):
        self._on_day("ship", when.date(), 15, (order, share))

    def _on_day(self, kind, day, hour, item):
        """``item`` joins the day's batch of ``kind`` (its run is scheduled with the first)."""
        key = (kind, day)
        if key not in self.batches:
            self.batches[key] = []
            self.schedule(self.moment(day, hour), getattr(self, kind), key)
        self.batches[key].append(item)

    def ship(self, key):
        items = self.batches.pop(key)
        orders = self.env["sale.order"].concat(*(order for order, __ in items))
        pickings = orders.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        if not pickings:
            return
        pickings.action_assign()
        half = {order.id for order, share in items if share < 1}
        for move in pickings.move_ids:
            partial = move.sale_line_id.order_id.id in half
            move.quantity = max(1, move.product_uom_qty // 2) if partial else move.product_uom_qty
        action = pickings.with_context(skip_sms=True).button_validate()
        if isinstance(action, dict) and action.get("res_model"):  # the backorder wizard
            wizard = self.env[action["res_model"]].with_context(**action["context"])
            wizard.create({}).process()
        self.stats["deliveries"] += len(pickings)
        now = self.env.cr._now
        for picking in pickings:
            late = self.rng.randint(1, 3) if self.rng.random() < 0.2 else 0
            transit = picking.carrier_id.adv_transit_days
            picking.adv_pod_date = (now + timedelta(days=transit + late)).date()
        for order in orders:  # invoiced on Friday evening, one invoice per customer
            self._on_day("invoice", friday(now.date()), 18, order)
        for order in orders.filtered(lambda o: o.id in half):
            self.ship_on(now + timedelta(days=self.rng.randint(4, 12)), order, 1.0)
        for picking in pickings:
            if self.rng.random() < self.claim_rate:
                when = now + timedelta(days=self.rng.randint(1, 4), hours=2)
                self.schedule(when, self.claim, picking)

    def invoice(self, key):
        orders = self.env["sale.order"].concat(*self.batches.pop(key))
        invoices = orders._create_invoices()
        invoices.action_post()
        for invoice in invoices:
            self.pay_later(invoice)

    def pay_later(self, invoice):
        habit = self.habits.get(invoice.commercial_partner_id.id, (0, 5))
        if habit is None or self.rng.random() < 0.08:
            return  # left unpaid: overdue today, dunned meanwhile
        day = invoice.invoice_date_due + timedelta(days=self.rng.randint(*habit))
        self._on_day("pay", friday(day), 10, invoice)  # the customers' weekly payment run

    def pay(self, key):
        invoices = self.env["account.move"].concat(*self.batches.pop(key))
        self.pay_now(invoices)

    def pay_now(self, invoices):
        invoices = invoices.filtered(
            lambda m: (
                m.payment_state in ("not_paid", "partial")
                and not any(m.line_ids.mapped("adv_dispute"))
            )  # a disputed invoice waits
        )
        if invoices:
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoices.ids
            ).create({"group_payment": False})._create_payments()

    # -- dunning ----------------------------------------------------------------------------

    def dunning_run(self):
        # the history's notices are recorded, not sent (no PDF while no server runs)
        run = self.env["adv.dunning.run"].create({"company_id": self.company.id, "take_over": True})
        run._lock_company()
        run._end_expired_disputes_and_promises()
        notices = run._process_batch(self.customers.ids)
        notices._send()
        run.state = "done"
        for notice in notices.filtered(lambda n: n.level_id.days > 0):  # the collector calls
            self.schedule(self.env.cr._now + timedelta(hours=3), self.call, notice)

    def call(self, notice):
        """The collector's call: a payment promise (kept or not), or an invoice disputed."""
        self.stats["calls"] += 1
        roll = self.rng.random()
        if roll < 0.1:
            return  # no answer
        if roll < 0.25:
            disputed = notice.line_ids.move_id.filtered(lambda m: m.move_type == "out_invoice")
            notice._record_call_outcome(
                "dispute", note="Conteste la facture : livraison incomplète", disputed=disputed[-1:]
            )
            return
        customer = notice.partner_id
        overdue = self.env["account.move.line"]._adv_overdue_by_partner(
            customer, self.company, self.env.cr._now.date()
        )
        if not overdue.get(customer.id):
            return
        self.stats["promises"] += 1
        promised = (self.env.cr._now + timedelta(days=self.rng.randint(3, 10))).date()
        notice._record_call_outcome(
            "promise",
            note="Règlement promis par le gérant",
            promise_amount=overdue[customer.id],
            promise_date=promised,
        )
        if self.rng.random() < 0.65:  # kept: what is overdue is paid by then
            self.schedule(self.moment(promised, 10), self.pay_overdue, customer)

    def pay_overdue(self, customer):
        self.pay_now(
            self.env["account.move"].search(
                [
                    ("partner_id", "child_of", customer.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                    ("invoice_date_due", "<", self.env.cr._now.date() + timedelta(days=7)),
                ]
            )
        )

    # -- the end ----------------------------------------------------------------------------

    def cleanup(self):
        """The history's open activities (follow-ups, calls, releases) are past: none is left
        in anyone's My Day; the story's are its own."""
        ids = {"res.partner": set(self.customers.ids)}
        for records in self.records:
            ids.setdefault(records._name, set()).update(records.ids)
        domain = OR(
            [[("res_model", "=", model), ("res_id", "in", list(ids[model]))] for model in ids]
        )
        self.env["mail.activity"].search(domain).unlink()


def play_history(env, today, weeks=WEEKS):
    """Play the history once on this database; returns a summary line, or None if played."""
    params = env["ir.config_parameter"].sudo()
    if params.get_param(MARKER):
        return None
    stats = History(env, today, weeks).play()
    env.flush_all()
    params.set_param(MARKER, f"{today} {stats}")
    return ", ".join(f"{key} {value}" for key, value in stats.items())
