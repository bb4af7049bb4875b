# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV suite's story, played by the real methods of every addon; written once, played twice:

- ``scripts/demo_story.py`` plays it on the demo database up to today (``TODAY``) and commits, so
  that today's screens show it alive;
- ``tests/test_adv_day.py`` plays it to the end (the payments and the closure after today) in its
  test transaction on a fixed calendar, and asserts after each step what it must have produced.

The calendar counts days from the day the visitor is captured at the show (day 0); each step
runs at its moment under freezegun, except, for the demo, the moments of today and later
(``live_from``), which run at the real time. The cast maps each role to a user (in the demo,
admin holds every role). ``isolated`` (the demo): the daily generations and dunning runs are
played for the story's documents only, so that the database's other records keep their state.

Carrelages Martin, a tiler met at the show, becomes a customer; the first order is held by
credit control and released; the tiles are late at Grès du Sud: a chase, the vendor's new date,
the customer warned in French; one pallet arrives broken: a transport-damage claim puts the tiles
invoice in dispute and a credit note is issued; the glue invoice is reminded, then reaches the
phone-call level today, while the disputed tiles invoice is skipped; the customer's second order
waits in Blocked orders; the skirting bought for it is late today; another visitor of the show
comes to the showroom tomorrow. After today: the call, the payments, the claim closed.
"""

import contextlib
from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import Command, fields

TODAY = 64  # the glue invoice, due on day 33, is 31 days late: the phone-call level
ROLES = (
    "setting",  # the products, the vendor, the carrier and the stock count (run as superuser)
    "show_manager",
    "staff",  # booth staff: captures visitors on a phone
    "salesman",
    "accountant",  # customer terms, invoices, credit note posting, payments
    "controller",  # credit controller: releases held orders
    "buyer",  # purchases, receipts and deliveries, supplier chases, claims
    "collector",  # dunning runs and calls
)


class StoryError(RuntimeError):
    """A step did not produce what the rest of the story needs."""


class Story:
    """The cast, the calendar and the documents of the story; one method per step, in order."""

    def __init__(self, env, cast, day0, isolated=False, live_from=None, **options):
        missing = set(ROLES) - set(cast)
        if missing:
            raise StoryError(f"the cast has no {', '.join(sorted(missing))}")
        self.env = env
        self.cast = cast
        self.day0 = day0
        self.isolated = isolated
        self.live_from = live_from
        # sale_tax: the products' sales tax (default: the company's); credit_limit: the
        # customer's own limit, set by the controller (default: the company's default limit)
        self.sale_tax = options.get("sale_tax")
        self.credit_limit = options.get("credit_limit")
        # contacts: {visitor's name: {"email": ..., "phone": ...}} to use instead of the
        # story's, so that a database where the demo story was played holds no match
        self.contacts = options.get("contacts", {})
        self.company = env.company
        self.fr = env.ref("base.fr")

    # ------------------------------------------------------------------
    # Calendar and cast
    # ------------------------------------------------------------------

    def date(self, day):
        return self.day0 + timedelta(days=day)

    def moment(self, day, hour=9, minute=0):
        """Day ``day`` of the story at ``hour:minute`` (UTC, as Odoo stores it)."""
        return datetime.combine(self.date(day), time(hour, minute))

    def at(self, day, hour=9, minute=0):
        """Freeze the clock at a moment of the story (the demo's today runs live)."""
        if self.live_from is not None and day >= self.live_from:
            return contextlib.nullcontext()
        self.clock = self.moment(day, hour, minute)  # the story's last frozen moment
        return freeze_time(self.clock)

    def now(self, day, hour=9, minute=0):
        if self.live_from is not None and day >= self.live_from:
            return fields.Datetime.now()
        return self.moment(day, hour, minute)

    def as_(self, role):
        """The environment of the user who plays ``role``."""
        return self.env(user=self.cast[role])

    def user(self, role):
        return self.cast[role]

    @staticmethod
    def expect(condition, message):
        if not condition:
            raise StoryError(message)

    # ------------------------------------------------------------------
    # The setting: vendor, carrier, products in stock, the show
    # ------------------------------------------------------------------

    def play_setting(self):
        env = self.env(user=self.cast["setting"], su=True)
        self.vendor = env["res.partner"].create(VENDOR | {"country_id": self.fr.id})
        carrier_partner = env["res.partner"].create(CARRIER | {"country_id": self.fr.id})
        freight = env["product.product"].create(
            {"name": "Transport messagerie palettes", "type": "service", "list_price": 0.0}
        )
        self.carrier = env["delivery.carrier"].create(
            {
                "name": "Transports Berthier (messagerie palettes)",
                "product_id": freight.id,
                "adv_transit_days": 2,
                "adv_partner_id": carrier_partner.id,
            }
        )
        self.tiles, self.glue, self.skirting = (self._product(env, *values) for values in PRODUCTS)
        with self.at(-7, 17):  # an inventory count: the glue is in stock
            warehouse = env["stock.warehouse"].search(
                [("company_id", "=", self.company.id)], limit=1
            )
            env["stock.quant"].with_context(inventory_mode=True).create(
                {
                    "product_id": self.glue.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "inventory_quantity": 200,
                }
            ).action_apply_inventory()
        with self.at(-5):
            manager = self.user("show_manager")
            self.show = self.as_("show_manager")["adv.trade.show"].create(
                SHOW
                | {
                    "country_id": self.fr.id,
                    "date_begin": self.date(-1),
                    "date_end": self.date(2),
                    "user_id": manager.id,
                    "staff_ids": [Command.set((self.user("staff") | manager).ids)],
                }
            )
        with self.at(-1, 7):
            self.show.action_start()

    def _product(self, env, name, code, price, cost, lead_days):
        values = {
            "name": name,
            "default_code": code,
            "is_storable": True,
            "invoice_policy": "delivery",
            "list_price": price,
            "standard_price": cost,
            "sale_delay": lead_days,
            "responsible_id": self.user("buyer").id,
            "seller_ids": [
                Command.create({"partner_id": self.vendor.id, "price": cost, "delay": 7})
            ],
        }
        if self.sale_tax:
            values.update(taxes_id=[Command.set(self.sale_tax.ids)], supplier_taxes_id=[])
        return env["product.product"].create(values)

    # ------------------------------------------------------------------
    # The show, the customer, the first order held and released
    # ------------------------------------------------------------------

    def play_capture(self):
        """Day 0, at the booth, on a phone: Jeanne Martin, then another visitor."""
        Capture = self.as_("staff")["adv.trade.show.capture"]
        with self.at(0, 10, 30):
            self.capture = Capture.create(
                CAPTURE
                | self.contacts.get(CAPTURE["name"], {})
                | {
                    "show_id": self.show.id,
                    "country_id": self.fr.id,
                    "product_ids": [Command.set(self.tiles.product_tmpl_id.ids)],
                }
            )
            self.capture_result = self.capture.action_process()
        with self.at(0, 15, 10):
            self.visitor = Capture.create(
                VISITOR
                | self.contacts.get(VISITOR["name"], {})
                | {"show_id": self.show.id, "country_id": self.fr.id}
            )
            self.visitor.action_process()
        self.lead = self.capture.lead_id.with_user(self.user("salesman"))
        self.visitor_lead = self.visitor.lead_id.with_user(self.user("salesman"))
        self.expect(self.lead and self.visitor_lead, "the captures made no lead")

    def play_customer(self):
        """Day 2: the salesperson completes the address and converts the lead; the accountant
        records the terms (30 days) and the VAT number."""
        with self.at(2, 9):
            self.lead.write({"street": "12 rue des Potiers", "zip": "13008", "city": "Marseille"})
            lead = self.lead
            self.as_("salesman")["crm.lead2opportunity.partner"].with_context(
                active_model="crm.lead", active_id=lead.id, active_ids=lead.ids
            ).create({"name": "convert", "action": "create"}).action_apply()
            self.contact = self.lead.partner_id
            self.customer = self.contact.commercial_partner_id
            self.expect(self.customer != self.contact, "the conversion made no company")
            self.customer.with_env(self.as_("accountant")).write(
                CUSTOMER_TERMS
                | {
                    "property_payment_term_id": self.env.ref(
                        "account.account_payment_term_30days"
                    ).id
                }
            )
            if self.credit_limit:
                self.customer.with_user(self.user("controller")).with_company(self.company).write(
                    {"credit_limit": self.credit_limit, "use_partner_credit_limit": True}
                )

    def order_terms(self):
        """Carrier and, when the company sells from outside France (Odoo's demo company is in
        the United States), the incoterm that the conformity check asks of an export order."""
        terms = {"carrier_id": self.carrier.id}
        if self.company.country_id != self.fr:
            terms.update(
                incoterm=self.env.ref("account.incoterm_DAP").id, incoterm_location="Marseille"
            )
        return terms

    def play_quotation(self):
        """Day 2: the quotation the visitor asked for (20 pallets of tiles, 40 bags of glue);
        the show's follow-up is done."""
        Order = self.as_("salesman")["sale.order"]
        with self.at(2, 9, 30):
            values = {
                "partner_id": self.contact.id,
                "client_order_ref": "CM-HOTEL-CASSIS-T1",
                "commitment_date": self.moment(13, 12),
                **self.order_terms(),
                "order_line": [_line(self.tiles, 20), _line(self.glue, 40)],
            }
            if "opportunity_id" in Order._fields:
                values["opportunity_id"] = self.lead.id
            self.order = Order.create(values)
            followup = self.env.ref("adv_trade_show.mail_activity_show_followup")
            self.lead.activity_ids.filtered(
                lambda a: a.activity_type_id == followup
            ).action_feedback(feedback="Devis envoyé")

    def play_order_held(self):
        """Day 2: the confirmation is refused (over the limit); a release is requested."""
        with self.at(2, 10):
            self.confirm_result = self.order.action_confirm()
            self.check = self.order.adv_last_check_id
            self.expect(
                self.order.state == "draft" and self.check.outcome == "approval",
                f"the first order should wait for a release: {self.check.reasons}",
            )
            self.order._adv_request_release(
                "Nouveau client rencontré au salon : premier chantier à livrer cette semaine"
            )

    def play_order_released(self):
        """Day 2: the controller releases it within their delegation."""
        with self.at(2, 10, 20):
            self.release_result = self.check.with_user(self.user("controller")).action_release(
                "Nouveau client rencontré au salon, références bancaires vérifiées"
            )

    def play_order_confirmed(self):
        """Day 2: the salesperson confirms the released order; the opportunity is won."""
        with self.at(2, 10, 30):
            self.confirm_result = self.order.action_confirm()
            self.expect(self.order.state == "sale", "the released order did not confirm")
            self.lead.action_set_won()

    def play_purchases(self):
        """Day 2: the tiles (due day 9) and, for the second tranche, the skirting (due 3 days
        before today) are bought from Grès du Sud; the vendor acknowledges by the portal link."""
        with self.at(2, 11):
            self.po_tiles = self._purchase(self.tiles, 20, due_day=9)
            self.po_skirting = self._purchase(self.skirting, 60, due_day=TODAY - 3)

    def _purchase(self, product, qty, due_day):
        purchase = self.as_("buyer")["purchase.order"].create(
            {
                "partner_id": self.vendor.id,
                "user_id": self.user("buyer").id,
                "partner_ref": f"Commande {self.order.name}",
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": product.standard_price,
                            "date_planned": self.moment(due_day, 12),
                        }
                    )
                ],
            }
        )
        purchase.button_confirm()
        purchase.sudo()._confirm_reception_mail()
        return purchase

    def play_visit_arranged(self):
        """Day 4: the salesperson calls the other visitor back: the showroom visit is set for the
        day after today."""
        followup = "adv_trade_show.mail_activity_show_followup"
        with self.at(4, 14):
            self.visitor_lead.activity_feedback(
                [followup], feedback="Appelé : visite du showroom calée avec son architecte"
            )
            self.visitor_lead.activity_schedule(
                followup,
                date_deadline=self.date(TODAY + 1),
                summary="Visite du showroom avec l'architecte (grands formats)",
                user_id=self.user("salesman").id,
            )
        with self.at(4, 18):
            self.show.with_user(self.user("show_manager")).action_done()

    # ------------------------------------------------------------------
    # Glue shipped and invoiced; the tiles late, then delivered
    # ------------------------------------------------------------------

    def _ship(self, products, pod_day):
        """Deliver ``products`` of the first order; the accountant invoices what was shipped."""
        order = self.order.with_user(self.user("buyer"))
        delivery = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        delivery.action_assign()
        for move in delivery.move_ids:
            move.quantity = move.product_uom_qty if move.product_id in products else 0.0
        # (no SMS to the customer: stock_sms would ask once)
        action = delivery.with_context(skip_sms=True).button_validate()
        if isinstance(action, dict) and action.get("res_model"):  # the backorder wizard
            wizard = delivery.env[action["res_model"]].with_context(**action["context"])
            wizard.create({}).process()
        self.expect(delivery.state == "done", f"{delivery.name} was not validated: {action}")
        delivery.adv_pod_date = self.date(pod_day)  # the signed CMR came back
        invoice = self.order.with_user(self.user("accountant"))._create_invoices()
        invoice.action_post()
        return delivery, invoice

    def play_glue_shipped(self):
        """Day 3: the glue ships from stock and is invoiced; the tiles wait (a backorder)."""
        with self.at(3, 15):
            self.glue_delivery, self.glue_invoice = self._ship(self.glue, pod_day=4)

    def generate_chases(self, day, hour, purchase=None):
        """The daily chase generation at that moment; in the demo, for ``purchase``'s receipt
        only (closing the resolved chases when no purchase is given). Returns the chases made."""
        Chase = self.env["adv.supply.chase"].sudo()
        now = self.now(day, hour)
        if not self.isolated:
            return Chase._generate(now)
        if purchase is None:
            Chase._close_resolved(now)
            return Chase
        rows = [
            r for r in Chase._candidates(now)["late_receipt"] if r["purchase_id"] == purchase.id
        ]
        return Chase._generate_batch("late_receipt", rows, Chase._levels_by_kind(), now)

    def play_tiles_chased(self):
        """Day 10: the tiles' receipt is a day late: the daily generation chases the vendor."""
        with self.at(10, 8):
            created = self.generate_chases(10, 8, self.po_tiles)
        self.tiles_chase = created.filtered(lambda c: c.purchase_id == self.po_tiles)
        self.expect(len(self.tiles_chase) == 1, "no chase of the late tiles")

    def play_tiles_answered(self):
        """Day 10: the vendor calls back: kiln breakdown, shipping on day 17."""
        with self.at(10, 10):
            promised = self.date(17)
            self.tiles_chase.with_user(self.user("buyer"))._record_answer(
                promised,
                f"Panne du four n° 2 : expédition reportée au {promised.strftime('%d/%m/%Y')}",
            )
        self.tiles_impact = self.tiles_chase.impact_ids.filtered(
            lambda i: i.sale_order_id == self.order
        )
        self.expect(self.tiles_impact, "the late tiles put no customer order at risk")

    def play_customer_warned(self):
        with self.at(10, 10, 15):
            self.tiles_impact.with_user(self.user("buyer")).action_notify_customer()

    def play_customer_calls(self):
        """Day 12: Jeanne Martin calls from her mobile about the tiles. On the customer desk the
        ADV assistant finds her by her number, reads the expected date on the order, e-mails her
        the order status (in French) and logs the call."""
        buyer = self.as_("buyer")
        desk = buyer["adv.customer.desk"]
        with self.at(12, 14, 30):
            phone = (CAPTURE | self.contacts.get(CAPTURE["name"], {}))["phone"]
            self.call_found = desk.find(phone.replace(" ", ""))
            self.expect(
                [r["partner_id"] for r in self.call_found][:1] == self.customer.ids,
                "the desk does not find the caller by her mobile number",
            )
            self.call_screen = desk.sections(self.customer.id)
            action = desk.run_action(self.customer.id, "order_status")
            composer = buyer["mail.compose.message"].with_context(action["context"]).create({})
            composer.action_send_mail()
            buyer["adv.customer.desk.call"].create(
                {
                    "partner_id": self.customer.id,
                    "note": "Mme Martin demande où en est le carrelage : le fournisseur expédie le "
                    f"{self.date(17).strftime('%d/%m/%Y')}, statut envoyé par e-mail.",
                    "outcome": "answered",
                }
            ).action_log()

    def play_tiles_delivered(self):
        """Day 17: the tiles arrive (their chase closes), ship and are invoiced."""
        with self.at(17, 9):
            receipt = self.po_tiles.with_user(self.user("buyer")).picking_ids
            receipt.move_ids.quantity = 20
            receipt.button_validate()
            self.generate_chases(17, 9)
            self.tiles_delivery, self.tiles_invoice = self._ship(self.tiles, pod_day=17)

    # ------------------------------------------------------------------
    # The broken pallet
    # ------------------------------------------------------------------

    def play_claim_opened(self):
        """Day 20: Jeanne phones: one pallet broken on delivery; the claim is opened from the
        delivery, on the delivered move, its order line and its invoice line."""
        move = self.tiles_delivery.move_ids.filtered(lambda m: m.product_id == self.tiles)
        invoice_line = self.tiles_invoice.invoice_line_ids.filtered(
            lambda ln: ln.product_id == self.tiles
        )
        with self.at(20, 9):
            action = self.tiles_delivery.with_user(self.user("buyer")).action_new_adv_claim()
            Claim = self.as_("buyer")["adv.claim"].with_context(**action["context"])
            self.claim = Claim.create(
                CLAIM
                | {
                    "contact_id": self.contact.id,
                    "type_id": self.env.ref("adv_claims.claim_type_damage").id,
                    "invoice_id": self.tiles_invoice.id,
                }
            )
            self.claim.write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "move_id": move.id,
                                "sale_line_id": move.sale_line_id.id,
                                "invoice_line_id": invoice_line.id,
                                "quantity": 1,
                            }
                        )
                    ]
                }
            )
            self.expect(
                self.claim.name in (self.tiles_invoice.adv_dunning_suspension or ""),
                "the claim did not suspend the dunning of its invoice",
            )

    def play_claim_acknowledged(self):
        with self.at(20, 9, 5):
            self.claim.with_context(tracking_disable=False).action_acknowledge()

    def play_claim_qualified(self):
        """Day 20: the evidence is in (photos, the CMR with reserves sent on day 18): the claim
        is justified and qualified."""
        photos = self.env.ref("adv_claims.evidence_photos")
        cmr = self.env.ref("adv_claims.evidence_delivery_note")
        with self.at(20, 9, 30):
            self.claim.write(
                {
                    "justified": "yes",
                    "cause": "Palette mal calée dans la semi-remorque (choc au déchargement).",
                    "date_reserve": self.date(18),
                    "evidence_ids": [
                        Command.create(
                            {"kind_id": photos.id, "note": "4 photos reçues par e-mail"}
                        ),
                        Command.create(
                            {"kind_id": cmr.id, "note": "CMR signée avec réserves, LRAR"}
                        ),
                    ],
                }
            )
            self.claim.action_qualify()

    def play_credit_note_issued(self):
        """Day 21: a credit note for the broken pallet, within the handler's delegation."""
        with self.at(21, 9, 30):
            action = self.claim.action_propose_credit_note()
            self.remedy = self.as_("buyer")["adv.claim.remedy"].browse(action["res_id"])
            self.remedy.action_execute()
            self.refund = self.remedy.account_move_id

    def play_credit_note_posted(self):
        """Day 21: the accountant posts it, set against the tiles invoice; the claim waits for
        the customer's answer, the invoice's dunning stays suspended."""
        with self.at(21, 10):
            self.refund.with_user(self.user("accountant")).action_post()
        self.expect(
            self.claim.state == "proposed"
            and self.claim.name in (self.tiles_invoice.adv_dunning_suspension or ""),
            "the claim should wait for the customer's answer, the invoice's dunning suspended",
        )

    # ------------------------------------------------------------------
    # Dunning: a reminder, today's call level
    # ------------------------------------------------------------------

    def dun(self, day):
        """The collector's run at 7:00 on ``day``; the customer's notice. In the demo, for this
        customer only (the run's real batch, then sending) and without rendering documents (no
        PDF while no server runs): the levels, notices, logs and calls are real."""
        with self.at(day, 7):
            Run = self.as_("collector")["adv.dunning.run"]
            if self.isolated:
                # a record-only run (an administrator's setting), then the collector's steps
                run = (
                    Run.sudo()
                    .create(
                        {"company_id": self.company.id, "take_over": True, "user_id": Run.env.uid}
                    )
                    .with_env(Run.env)
                )
                run._lock_company()
                run._process_batch([self.customer.id])._send()
                run.state = "done"
            else:
                run = Run.create({})
                run.action_compute()
                run.action_send()
        self.run = run.sudo()
        return self.run.notice_ids.filtered(lambda n: n.partner_id == self.customer)

    def play_first_reminder(self):
        """Day 41: the glue invoice is 8 days overdue: a first reminder."""
        self.notice = self.dun(41)
        self._expect_level(self.notice, "adv_dunning.level_reminder")

    def play_second_order_held(self):
        """The day before today: the second tranche's order is held by the credit control."""
        with self.at(TODAY - 1, 16):
            self.order2 = self.as_("salesman")["sale.order"].create(
                {
                    "partner_id": self.contact.id,
                    "client_order_ref": "CM-HOTEL-CASSIS-T2",
                    **self.order_terms(),
                    "note": "Deuxième tranche du chantier de l'hôtel (terrasse basse).",
                    "order_line": [
                        _line(self.tiles, 24),
                        _line(self.glue, 50),
                        _line(self.skirting, 60),
                    ],
                }
            )
            self.order2.action_confirm()
            self.expect(
                self.order2.state == "draft" and self.order2.adv_credit_state == "blocked",
                "the second order should be held by the credit control",
            )
            self.order2._adv_request_release(
                "Chantier en cours, le client règle sa facture en retard cette semaine"
            )

    def play_call_due(self):
        """Today: the glue invoice reaches the phone-call level; the tiles invoice, overdue but
        in dispute, is skipped."""
        self.notice = self.dun(TODAY)
        self._expect_level(self.notice, "adv_dunning.level_call")
        self.expect(self.notice.adv_call_due, "no dunning call due today")
        self.expect(
            self.tiles_invoice not in self.notice.line_ids.move_id,
            "the disputed tiles invoice was dunned",
        )

    def _expect_level(self, notice, xmlid):
        level = self.env.ref(xmlid, raise_if_not_found=False)
        self.expect(
            len(notice) == 1 and (not level or notice.level_id == level),
            f"expected one notice at {xmlid}, got {notice.level_id.mapped('name')}",
        )

    def play_skirting_chased(self):
        """Today: the skirting is 3 days late at Grès du Sud: a chase opens."""
        with self.at(TODAY, 8):
            created = self.generate_chases(TODAY, 8, self.po_skirting)
        self.skirting_chase = created.filtered(lambda c: c.purchase_id == self.po_skirting)
        self.expect(len(self.skirting_chase) == 1, "no chase of the late skirting")

    # ------------------------------------------------------------------
    # After today: the call, the payments, the closure
    # ------------------------------------------------------------------

    def play_call_answered(self):
        """Today: the collector calls; the customer promises to pay the glue on day 69."""
        with self.at(TODAY, 10):
            self.notice.with_user(self.user("collector"))._record_call_outcome(
                "promise",
                note="Pays the glue on Monday; the tiles once the credit note is agreed",
                promise_amount=self.glue_invoice.amount_total,
                promise_date=self.date(69),
            )

    def pay(self, invoice):
        self.as_("accountant")["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()

    def play_glue_paid(self):
        with self.at(69, 10):
            self.pay(self.glue_invoice)

    def play_claim_resolved(self):
        """Day 69: the customer accepts the credit note: the claim is resolved."""
        with self.at(69, 10, 30):
            self.claim.action_resolve()

    def play_tiles_paid_and_claim_closed(self):
        with self.at(69, 11):
            self.pay(self.tiles_invoice)
            self.claim.action_close()

    def play_nothing_to_dun(self):
        """Day 73: the dunning run finds nothing for the customer any more."""
        self.last_notice = self.dun(73)

    # The demo plays the steps up to today; the test plays them all.
    UNTIL_TODAY = (
        ("setting: vendor, carrier, products, show", play_setting),
        ("the visitors captured at the show", play_capture),
        ("the lead converted into a customer", play_customer),
        ("the quotation", play_quotation),
        ("the first order held", play_order_held),
        ("the first order released", play_order_released),
        ("the first order confirmed", play_order_confirmed),
        ("tiles and skirting bought", play_purchases),
        ("the showroom visit arranged", play_visit_arranged),
        ("glue shipped and invoiced", play_glue_shipped),
        ("tiles late: the chase", play_tiles_chased),
        ("tiles late: the vendor's answer", play_tiles_answered),
        ("tiles late: the customer warned", play_customer_warned),
        ("the customer calls: the desk", play_customer_calls),
        ("tiles received, shipped and invoiced", play_tiles_delivered),
        ("damage claim opened", play_claim_opened),
        ("damage claim acknowledged", play_claim_acknowledged),
        ("damage claim qualified", play_claim_qualified),
        ("credit note issued", play_credit_note_issued),
        ("credit note posted", play_credit_note_posted),
        ("first dunning reminder", play_first_reminder),
        ("second order held in the queue", play_second_order_held),
        ("today's dunning call", play_call_due),
        ("today's chase of the late skirting", play_skirting_chased),
    )
    AFTER_TODAY = (
        ("the call: a payment promise", play_call_answered),
        ("the glue invoice paid", play_glue_paid),
        ("the claim resolved", play_claim_resolved),
        ("the tiles paid, the claim closed", play_tiles_paid_and_claim_closed),
        ("nothing left to dun", play_nothing_to_dun),
    )


def _line(product, qty):
    return Command.create({"product_id": product.id, "product_uom_qty": qty})


# ----------------------------------------------------------------------
# The story's data
# ----------------------------------------------------------------------

VENDOR = {
    "name": "Grès du Sud",
    "is_company": True,
    "street": "125 avenue de la Méditerranée",
    "street2": "ZI des Garrigues",
    "zip": "34430",
    "city": "Saint-Jean-de-Védas",
    "email": "commandes@gres-du-sud.example.com",
    "phone": "+33 4 67 27 45 10",
    "vat": "FR52513904623",
    "company_registry": "51390462300016",
    "lang": "fr_FR",
    "supplier_rank": 1,
}
CARRIER = {
    "name": "Transports Berthier",
    "is_company": True,
    "street": "14 rue du Lyonnais",
    "zip": "69960",
    "city": "Corbas",
    "email": "exploitation@transports-berthier.example.com",
    "phone": "+33 4 78 20 61 35",
    "vat": "FR77792146383",
    "company_registry": "79214638300015",
    "lang": "fr_FR",
}
# (name, reference, sale price, cost, customer lead time in days)
PRODUCTS = (
    ("Carrelage grès cérame extérieur 60x60 R11 (palette 48 m²)", "GC6060", 450.0, 300.0, 7),
    ("Mortier-colle C2 flex (sac 25 kg)", "MC2F25", 25.0, 12.0, 1),
    ("Plinthe assortie 8x60 (carton de 10)", "PL860", 18.0, 9.0, 30),
)
SHOW = {
    "name": "Bâti-Sud Marseille",
    "venue": "Parc Chanot, hall 2",
    "city": "Marseille",
    "booth": "2-C18",
    "objective_leads": 25,
    "objectives": "Présenter la gamme extérieure aux carreleurs de la région.",
}
CAPTURE = {
    "name": "Jeanne Martin",
    "company_name": "Carrelages Martin",
    "function": "Responsable achats",
    "email": "jeanne.martin@carrelages-martin.example.com",
    "phone": "06 48 27 51 93",
    "need": "Carrelage extérieur et colle pour la terrasse d'un hôtel à Cassis (900 m²), "
    "chantier en deux tranches.",
    "temperature": "hot",
    "next_step": "quote",
    "informed": True,
    "marketing_opt_in": True,
}
VISITOR = {
    "name": "Marc Rey",
    "company_name": "Rénov'Habitat Aix",
    "function": "Gérant",
    "email": "marc.rey@renovhabitat-aix.example.com",
    "phone": "06 71 48 22 90",
    "need": "Rénovation de 40 salles de bains en résidence senior : veut voir les grands "
    "formats au showroom avec son architecte.",
    "temperature": "warm",
    "next_step": "visit",
    "informed": True,
}
CUSTOMER_TERMS = {
    "vat": "FR18482751930",
    "company_registry": "48275193000017",
    "phone": "+33 4 91 76 42 18",
    "email": "compta@carrelages-martin.example.com",
    "website": "https://carrelages-martin.example.com",
}
CLAIM = {
    "subject": "Une palette de carrelage cassée à la livraison",
    "channel": "phone",
    "description": "<p>Mme Martin a appelé : une palette arrivée le film déchiré, 12 carreaux "
    "cassés, la palette est inutilisable pour le chantier. Réserves écrites sur la lettre de "
    "voiture du transporteur.</p>",
}
