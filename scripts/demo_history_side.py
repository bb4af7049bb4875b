# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo's past months (``scripts/demo_history.py``), the events beside the order to cash:
claims on deliveries, replenishment and its chases, trade shows and the customers they bring."""

from datetime import timedelta

from demo_history_data import CLAIM_TYPES, SHOWS, VISITORS, french_identity

from odoo import Command


class SideEvents:
    """Events of :class:`demo_history.History` (its clock, queue, cast and batches)."""

    # -- claims -----------------------------------------------------------------------------

    def claim(self, delivery):
        invoice = delivery.sale_id.invoice_ids.filtered(lambda m: m.state == "posted")[-1:]
        rng = self.rng
        xmlids, weights = zip(*CLAIM_TYPES, strict=True)
        claim_type = self.env.ref(rng.choices(xmlids, weights)[0])
        move = rng.choice(delivery.move_ids.filtered("quantity"))
        claim = self.env["adv.claim"].create(
            {
                "subject": f"{claim_type.name} : {move.product_id.name}",
                "partner_id": delivery.partner_id.commercial_partner_id.id,
                "type_id": claim_type.id,
                "sale_order_id": move.sale_line_id.order_id.id,
                "picking_id": delivery.id,
                "invoice_id": invoice.id or False,
                "line_ids": [
                    Command.create(
                        {"move_id": move.id, "sale_line_id": move.sale_line_id.id, "quantity": 1}
                    )
                ],
            }
        )
        self.stats["claims"] += 1
        self.records.append(claim)
        ack = timedelta(hours=rng.choice((1, 3, 6, 20, 30, 60)))
        self.schedule(self.env.cr._now + ack, self.claim_handled, claim, delivery)

    def claim_handled(self, claim, delivery):
        claim.action_acknowledge()
        values = {"justified": "yes", "cause": "Constat avec le client et le transporteur."}
        if claim.type_id.carrier_reserve:
            values["date_reserve"] = delivery.date_done.date()
        values["evidence_ids"] = [
            Command.create({"kind_id": kind.id, "note": "Reçu par e-mail"})
            for kind in claim.missing_evidence_ids
        ]
        claim.write(values)
        claim.action_qualify()
        days = self.rng.choice((2, 4, 6, 9, 14, 21))
        self.schedule(self.env.cr._now + timedelta(days=days), claim.action_resolve)

    # -- supply -----------------------------------------------------------------------------

    def purchase(self):
        """The week's replenishment, one order per vendor, due in a week; some arrive late."""
        due = self.env.cr._now + timedelta(days=7)
        orders = self.env["purchase.order"].create(
            [
                {
                    "partner_id": vendor.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": p.id,
                                "product_qty": 50,
                                "price_unit": p.standard_price,
                                "date_planned": due,
                            }
                        )
                        for p in self.products
                        if p.seller_ids.partner_id == vendor
                    ],
                }
                for vendor in self.vendors
            ]
        )
        orders.button_confirm()
        self.purchases |= orders
        self.records.append(orders)
        for order in orders:
            late = self.rng.randint(2, 6) if self.rng.random() < 0.3 else -self.rng.randint(0, 1)
            self._on_day("receive", (due + timedelta(days=late)).date(), 9, order)

    def receive(self, key):
        orders = self.env["purchase.order"].concat(*self.batches.pop(key))
        receipts = orders.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        for move in receipts.move_ids:
            move.quantity = move.product_uom_qty
        receipts.button_validate()

    def chase_run(self):
        Chase = self.env["adv.supply.chase"]
        now = self.env.cr._now
        Chase._close_resolved(now)
        rows = [
            r
            for r in Chase._candidates(now)["late_receipt"]
            if r["purchase_id"] in self.purchases.ids
        ]
        chases = Chase._generate_batch("late_receipt", rows, Chase._levels_by_kind(), now)
        self.records.append(chases)
        for chase in chases:
            self.schedule(now + timedelta(hours=self.rng.randint(2, 30)), self.chase_answer, chase)

    def chase_answer(self, chase):
        if chase.state != "open" or chase.picking_id.state == "done":
            return
        promised = (self.env.cr._now + timedelta(days=self.rng.randint(1, 4))).date()
        chase._record_answer(promised, "Retard de production : nouvelle date d'expédition")

    # -- trade shows ------------------------------------------------------------------------

    def show_planned(self, n, begin):
        name, city, __, leads, won, (stand, travel) = SHOWS[n]
        show = self.env["adv.trade.show"].create(
            {
                "name": name,
                "city": city,
                "country_id": self.fr.id,
                "date_begin": begin,
                "date_end": begin + timedelta(days=2),
                "objective_leads": leads + 5,
                "staff_ids": [Command.set(self.env.user.ids)],
                "budget_line_ids": [
                    Command.create({"name": "Stand", "category": "space", "actual_amount": stand}),
                    Command.create(
                        {"name": "Déplacements", "category": "travel", "actual_amount": travel}
                    ),
                ],
            }
        )
        self.schedule(self.moment(begin, 8), show.action_start)
        for i in range(leads):
            when = self.moment(begin + timedelta(days=i % 3), 10 + i % 7, 5 * i % 60)
            self.schedule(when, self.capture, show, n, i, i < won)
        self.schedule(self.moment(begin + timedelta(days=3), 18), show.action_done)

    def capture(self, show, n, i, wins):
        visitor = VISITORS[i % len(VISITORS)]
        capture = self.env["adv.trade.show.capture"].create(
            {
                "show_id": show.id,
                "name": visitor,
                "company_name": f"{visitor.split()[1]} Carrelage {show.city}",
                "email": f"contact{n}{i}@salon-{n}.example.com",
                "phone": f"06 12 {n:02d} {i:02d} {40 + i:02d}",
                "country_id": self.fr.id,
                "need": "Gamme grands formats et colles pour ses chantiers.",
                "temperature": "hot" if wins else self.rng.choice(("warm", "cold")),
                "informed": True,
            }
        )
        capture.action_process()
        self.records.append(capture.lead_id)
        if wins:
            when = self.env.cr._now + timedelta(days=self.rng.randint(5, 15))
            self.schedule(when, self.show_customer, capture.lead_id, 40 + 10 * n + i)

    def show_customer(self, lead, n):
        lead.write({"street": "3 rue du Salon", "zip": "34000", "city": lead.city or "Montpellier"})
        self.env["crm.lead2opportunity.partner"].with_context(
            active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
        ).create({"name": "convert", "action": "create"}).action_apply()
        customer = lead.partner_id.commercial_partner_id
        customer.write(
            french_identity(n)
            | {"property_payment_term_id": self.env.ref("account.account_payment_term_30days").id}
        )
        customer.with_company(self.company).write(
            {"credit_limit": 30000.0, "use_partner_credit_limit": True}
        )
        self.customers |= customer
        self.habits[customer.id] = (-2, 10)
        self.weights[customer.id] = 2
        self.orders([customer], lead)
