# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The ADV suite's story across its addons, played on the demo database relative to today.

    python scripts/demo_story.py -d DB --addons-path PATH

The story of tests/test_adv_day.py, with the same real methods, moved so that today's screens
show it alive. The days before today are played with freezegun; today's state is left open:

- about five weeks ago, at the show *Bâti-Sud Marseille*, admin captures Jeanne Martin of
  Carrelages Martin (Marseille) on the booth's phone; two days later the lead becomes a customer
  (full address, SIRET, VAT, payment on receipt of invoice, credit limit 10 000) and its first
  order is held by the credit control, released by admin and confirmed; the tiles and the
  skirting are bought from Grès du Sud;
- the glue ships at once and is invoiced; the tiles' receipt is late: a chase, the supplier's new
  date, the customer warned in French; the tiles arrive and ship with Transports Berthier; one
  pallet is broken: a transport-damage claim, qualified, a credit note issued, the tiles invoice
  in dispute; the dunning reminds the glue invoice twice;
- today: the skirting is late at Grès du Sud (chase open, the order in the customer impact);
  the glue invoice reaches the phone-call level (Today's calls), the disputed tiles invoice is
  skipped; the customer's second order waits in Blocked orders; each of these, and tomorrow's
  showroom visit of another visitor of the show, is in admin's My Day.

Played once: a second run prints a line and does nothing (``ir.config_parameter``
``adv.demo_story``). One transaction: if a step fails, nothing is committed and the step is
named (exit 1).
"""

import argparse
import sys
import time
import traceback
from datetime import date, datetime, timedelta

from freezegun import freeze_time

import odoo
from odoo import Command
from odoo.tools import config

MARKER = "adv.demo_story"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", "-d", required=True)
    parser.add_argument("--addons-path", required=True)
    return parser.parse_args()


class Story:
    """The cast and the documents of the story; one method per step, in order."""

    def __init__(self, env, today):
        self.env = env
        self.today = today
        self.admin = env.ref("base.user_admin")
        # Everything is done by admin, who holds every ADV role (log in as admin / admin).
        self.as_admin = env(user=self.admin, context=dict(env.context, lang="en_US"))
        self.company = self.admin.company_id
        self.fr = env.ref("base.fr")

    def day(self, days_ago, hour=9, minute=0):
        """A moment ``days_ago`` days before today (UTC, as Odoo stores it)."""
        moment = datetime.combine(self.today - timedelta(days=days_ago), datetime.min.time())
        return moment.replace(hour=hour, minute=minute)

    def date(self, days_ago):
        return self.today - timedelta(days=days_ago)

    def ref(self, xmlid):
        return self.env.ref(xmlid, raise_if_not_found=False)

    # ------------------------------------------------------------------
    # Setting: supplier, carrier, products in stock, the show
    # ------------------------------------------------------------------

    def step_setting(self):
        env = self.as_admin
        Partner = env["res.partner"]
        self.vendor = Partner.create(
            {
                "name": "Grès du Sud",
                "is_company": True,
                "street": "125 avenue de la Méditerranée",
                "street2": "ZI des Garrigues",
                "zip": "34430",
                "city": "Saint-Jean-de-Védas",
                "country_id": self.fr.id,
                "email": "commandes@gres-du-sud.example.com",
                "phone": "+33 4 67 27 45 10",
                "vat": "FR52513904623",
                "company_registry": "51390462300016",
                "lang": "fr_FR",
                "supplier_rank": 1,
            }
        )
        carrier_partner = Partner.create(
            {
                "name": "Transports Berthier",
                "is_company": True,
                "street": "14 rue du Lyonnais",
                "zip": "69960",
                "city": "Corbas",
                "country_id": self.fr.id,
                "email": "exploitation@transports-berthier.example.com",
                "phone": "+33 4 78 20 61 35",
                "vat": "FR77792146383",
                "company_registry": "79214638300015",
                "lang": "fr_FR",
            }
        )
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

        def product(name, price, cost, lead_days, code):
            return env["product.product"].create(
                {
                    "name": name,
                    "default_code": code,
                    "is_storable": True,
                    "invoice_policy": "delivery",
                    "list_price": price,
                    "standard_price": cost,
                    "sale_delay": lead_days,
                    "responsible_id": self.admin.id,
                    "seller_ids": [
                        Command.create({"partner_id": self.vendor.id, "price": cost, "delay": 7})
                    ],
                }
            )

        self.tiles = product(
            "Carrelage grès cérame extérieur 60x60 R11 (palette 48 m²)", 450.0, 300.0, 7, "GC6060"
        )
        self.glue = product("Mortier-colle C2 flex (sac 25 kg)", 25.0, 12.0, 1, "MC2F25")
        self.skirting = product("Plinthe assortie 8x60 (carton de 10)", 18.0, 9.0, 30, "PL860")
        # The glue is in stock (an inventory count six weeks ago).
        with freeze_time(self.day(42, 17)):
            warehouse = env["stock.warehouse"].search(
                [("company_id", "=", self.company.id)], limit=1
            )
            quant = (
                env["stock.quant"]
                .with_context(inventory_mode=True)
                .create(
                    {
                        "product_id": self.glue.id,
                        "location_id": warehouse.lot_stock_id.id,
                        "inventory_quantity": 200,
                    }
                )
            )
            quant.action_apply_inventory()
        # The show: a regional building trade fair, five weeks ago.
        with freeze_time(self.day(40)):
            self.show = env["adv.trade.show"].create(
                {
                    "name": "Bâti-Sud Marseille",
                    "venue": "Parc Chanot, hall 2",
                    "city": "Marseille",
                    "country_id": self.fr.id,
                    "booth": "2-C18",
                    "date_begin": self.date(36),
                    "date_end": self.date(34),
                    "user_id": self.admin.id,
                    "staff_ids": [Command.set(self.admin.ids)],
                    "objective_leads": 25,
                    "objectives": "Présenter la gamme extérieure aux carreleurs de la région.",
                }
            )
        with freeze_time(self.day(36, 7)):
            self.show.action_start()

    # ------------------------------------------------------------------
    # The show, the customer, the first order held and released
    # ------------------------------------------------------------------

    def step_show_capture(self):
        Capture = self.as_admin["adv.trade.show.capture"]
        with freeze_time(self.day(35, 10, 30)):
            self.capture = Capture.create(
                {
                    "show_id": self.show.id,
                    "name": "Jeanne Martin",
                    "company_name": "Carrelages Martin",
                    "function": "Responsable achats",
                    "email": "jeanne.martin@carrelages-martin.example.com",
                    "phone": "06 48 27 51 93",
                    "country_id": self.fr.id,
                    "product_ids": [Command.set(self.tiles.product_tmpl_id.ids)],
                    "need": "Carrelage extérieur et colle pour la terrasse d'un hôtel à Cassis "
                    "(900 m²), chantier en deux tranches.",
                    "temperature": "hot",
                    "next_step": "quote",
                    "informed": True,
                    "marketing_opt_in": True,
                }
            )
            self.capture.action_process()
        with freeze_time(self.day(35, 15, 10)):
            # Another visitor of the day, whose showroom visit is still to arrange.
            visitor = Capture.create(
                {
                    "show_id": self.show.id,
                    "name": "Marc Rey",
                    "company_name": "Rénov'Habitat Aix",
                    "function": "Gérant",
                    "email": "marc.rey@renovhabitat-aix.example.com",
                    "phone": "06 71 48 22 90",
                    "country_id": self.fr.id,
                    "need": "Rénovation de 40 salles de bains en résidence senior : veut voir "
                    "les grands formats au showroom avec son architecte.",
                    "temperature": "warm",
                    "next_step": "visit",
                    "informed": True,
                }
            )
            visitor.action_process()
        with freeze_time(self.day(34, 18)):
            self.show.action_done()
        with freeze_time(self.day(30, 14)):
            # Admin called him back: the showroom visit is set for tomorrow.
            self.visitor_lead = visitor.lead_id.with_user(self.admin)
            followup = "adv_trade_show.mail_activity_show_followup"
            self.visitor_lead.activity_feedback(
                [followup], feedback="Appelé : visite du showroom calée avec son architecte"
            )
            self.visitor_lead.activity_schedule(
                followup,
                date_deadline=self.date(-1),
                summary="Visite du showroom avec l'architecte (grands formats)",
                user_id=self.admin.id,
            )
        self.lead = self.capture.lead_id.with_user(self.admin)
        if not self.lead:
            raise RuntimeError("the capture made no lead")

    def step_customer(self):
        with freeze_time(self.day(33, 9)):
            self.lead.write(
                {
                    "street": "12 rue des Potiers",
                    "zip": "13008",
                    "city": "Marseille",
                    "country_id": self.fr.id,
                }
            )
            wizard = (
                self.as_admin["crm.lead2opportunity.partner"]
                .with_context(
                    active_model="crm.lead", active_id=self.lead.id, active_ids=self.lead.ids
                )
                .create({"name": "convert", "action": "create"})
            )
            wizard.action_apply()
            self.contact = self.lead.partner_id
            self.customer = self.contact.commercial_partner_id
            if not self.customer or self.customer == self.contact:
                raise RuntimeError("the conversion made no company")
            # The accountant records the terms: payment on receipt of invoice for a new
            # customer, and the credit controller a first limit of 10 000.
            self.customer.write(
                {
                    "lang": "fr_FR",
                    "vat": "FR18482751930",
                    "company_registry": "48275193000017",
                    "phone": "+33 4 91 76 42 18",
                    "email": "compta@carrelages-martin.example.com",
                    "website": "https://carrelages-martin.example.com",
                    "property_payment_term_id": self.env.ref(
                        "account.account_payment_term_immediate"
                    ).id,
                }
            )
            self.contact.lang = "fr_FR"
            self.customer.with_company(self.company).write(
                {"credit_limit": 10000.0, "use_partner_credit_limit": True}
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

    def order_line(self, product, qty):
        return Command.create({"product_id": product.id, "product_uom_qty": qty})

    def step_first_order(self):
        Order = self.as_admin["sale.order"]
        with freeze_time(self.day(33, 9, 30)):
            values = {
                "partner_id": self.contact.id,
                "client_order_ref": "CM-HOTEL-CASSIS-T1",
                **self.order_terms(),
                "order_line": [
                    self.order_line(self.tiles, 20),
                    self.order_line(self.glue, 40),
                    self.order_line(self.skirting, 60),
                ],
            }
            if "opportunity_id" in Order._fields:
                values["opportunity_id"] = self.lead.id
            self.order = Order.create(values)
            self.lead.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref("adv_trade_show.mail_activity_show_followup")
                )
            ).action_feedback(feedback="Devis envoyé")
        with freeze_time(self.day(33, 10)):
            self.order.action_confirm()
            check = self.order.adv_last_check_id
            if self.order.state != "draft" or check.outcome != "approval":
                raise RuntimeError(
                    f"the first order should wait for a credit release, it is {self.order.state}"
                    f" / {check.outcome}: {check.reasons}"
                )
            self.order.action_adv_request_release()
        with freeze_time(self.day(33, 10, 20)):
            check = self.order.adv_last_check_id.with_user(self.admin)
            check.action_release(
                "Nouveau client rencontré au salon, références bancaires vérifiées"
            )
            self.order.action_confirm()
            if self.order.state != "sale":
                raise RuntimeError("the released order did not confirm")
            self.lead.action_set_won()  # crm: the opportunity is won

    def purchase(self, product, qty, days_ago_due):
        Purchase = self.as_admin["purchase.order"]
        po = Purchase.create(
            {
                "partner_id": self.vendor.id,
                "user_id": self.admin.id,
                "partner_ref": f"Commande {self.order.name}",
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": product.standard_price,
                            "date_planned": self.day(days_ago_due, 12),
                        }
                    )
                ],
            }
        )
        po.button_confirm()
        po.sudo()._confirm_reception_mail()  # the vendor acknowledges by the portal link
        return po

    def step_purchases(self):
        with freeze_time(self.day(33, 11)):
            self.po_tiles = self.purchase(self.tiles, 20, 26)
            self.po_skirting = self.purchase(self.skirting, 60, 3)

    # ------------------------------------------------------------------
    # Glue shipped and invoiced; the tiles late, then delivered
    # ------------------------------------------------------------------

    def ship(self, products, days_ago, pod_days_ago):
        delivery = self.order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
        delivery.carrier_id = self.carrier
        delivery.action_assign()
        for move in delivery.move_ids:
            move.quantity = move.product_uom_qty if move.product_id in products else 0.0
        # (no SMS to the customer in the demo: stock_sms would ask once)
        action = delivery.with_context(skip_sms=True).button_validate()
        if isinstance(action, dict) and action.get("res_model"):  # the backorder wizard
            wizard = self.as_admin[action["res_model"]].with_context(**action["context"])
            wizard.create({}).process()
        if delivery.state != "done":
            raise RuntimeError(f"{delivery.name} was not validated: {action}")
        delivery.adv_pod_date = self.date(pod_days_ago)  # the signed CMR came back
        invoice = self.order._create_invoices()
        invoice.action_post()
        return delivery, invoice

    def step_glue_shipped(self):
        with freeze_time(self.day(32, 15)):
            self.glue_delivery, self.glue_invoice = self.ship(self.glue, 32, 31)

    def chase_now(self, purchase, kind, now):
        """The daily chase generation at ``now``, for this purchase's receipt only (the
        demo's other documents keep their own chases)."""
        Chase = self.env["adv.supply.chase"].sudo()
        rows = [r for r in Chase._candidates(now)[kind] if r["purchase_id"] == purchase.id]
        created = Chase._generate_batch(kind, rows, Chase._levels_by_kind(), now)
        chase = created.filtered(lambda c: c.purchase_id == purchase)
        if len(chase) != 1:
            raise RuntimeError(f"no {kind} chase for {purchase.name}")
        return chase.with_user(self.admin)

    def step_tiles_late(self):
        with freeze_time(self.day(25, 8)):
            self.tiles_chase = self.chase_now(self.po_tiles, "late_receipt", self.day(25, 8))
        with freeze_time(self.day(25, 10)):
            promised = self.date(21)
            self.tiles_chase._record_answer(
                promised,
                f"Panne du four n° 2 : expédition reportée au {promised.strftime('%d/%m/%Y')}",
            )
            impact = self.tiles_chase.impact_ids.filtered(lambda i: i.sale_order_id == self.order)
            if not impact:
                raise RuntimeError("the late tiles put no customer order at risk")
        with freeze_time(self.day(25, 10, 15)):
            impact.with_user(self.admin).action_notify_customer()

    def step_tiles_delivered(self):
        with freeze_time(self.day(21, 9)):
            receipt = self.po_tiles.picking_ids.filtered(
                lambda p: p.state not in ("done", "cancel")
            )
            receipt.move_ids.quantity = 20
            receipt.button_validate()
            self.env["adv.supply.chase"].sudo()._close_resolved(self.day(21, 9))
        with freeze_time(self.day(21, 14)):
            self.tiles_delivery, self.tiles_invoice = self.ship(self.tiles, 21, 21)

    # ------------------------------------------------------------------
    # The broken pallet
    # ------------------------------------------------------------------

    def step_damage_claim(self):
        Claim = self.as_admin["adv.claim"]
        move = self.tiles_delivery.move_ids.filtered(lambda m: m.product_id == self.tiles)
        invoice_line = self.tiles_invoice.invoice_line_ids.filtered(
            lambda ln: ln.product_id == self.tiles
        )
        with freeze_time(self.day(20, 9)):
            action = self.tiles_delivery.with_user(self.admin).action_new_adv_claim()
            self.claim = Claim.with_context(**action["context"]).create(
                {
                    "subject": "Une palette de carrelage cassée à la livraison",
                    "contact_id": self.contact.id,
                    "channel": "phone",
                    "type_id": self.env.ref("adv_claims.claim_type_damage").id,
                    "invoice_id": self.tiles_invoice.id,
                }
            )
            self.claim.write(
                {
                    "description": "<p>Mme Martin a appelé : une palette arrivée le film "
                    "déchiré, 12 carreaux cassés, la palette est inutilisable pour le chantier. "
                    "Réserves écrites sur la lettre de voiture du transporteur.</p>",
                    "line_ids": [
                        Command.create(
                            {
                                "move_id": move.id,
                                "sale_line_id": move.sale_line_id.id,
                                "invoice_line_id": invoice_line.id,
                                "quantity": 1,
                            }
                        )
                    ],
                }
            )
            self.claim.action_acknowledge()
            self.claim.write(
                {
                    "justified": "yes",
                    "cause": "Palette mal calée dans la semi-remorque (choc au déchargement).",
                    "date_reserve": self.date(20),
                    "evidence_ids": [
                        Command.create(
                            {
                                "kind_id": self.env.ref("adv_claims.evidence_photos").id,
                                "note": "4 photos reçues par e-mail",
                            }
                        ),
                        Command.create(
                            {
                                "kind_id": self.env.ref("adv_claims.evidence_delivery_note").id,
                                "note": "CMR signée avec réserves, confirmées par LRAR",
                            }
                        ),
                    ],
                }
            )
            self.claim.action_qualify()
            if not self.tiles_invoice.adv_dispute:
                raise RuntimeError("the claim did not put the tiles invoice in dispute")
        with freeze_time(self.day(19, 9, 30)):
            action = self.claim.action_propose_credit_note()
            remedy = self.as_admin["adv.claim.remedy"].browse(action["res_id"])
            remedy.action_execute()
            refund = remedy.account_move_id
            refund.action_post()
            if self.claim.state != "proposed" or not self.tiles_invoice.adv_dispute:
                raise RuntimeError("the claim should wait for the customer's answer, in dispute")

    # ------------------------------------------------------------------
    # Dunning: two reminders in the past, the call today
    # ------------------------------------------------------------------

    def dun(self):
        """The collector's run for this customer only (the demo's own runs stay as they are):
        the run's real batch, then sending. As in adv_dunning's demo, no document is rendered
        (no PDF while no server runs): the levels, notices, logs and calls are real."""
        Run = self.as_admin["adv.dunning.run"].with_context(adv_dunning_no_documents=True)
        run = Run.create({"company_id": self.company.id})
        run._lock_company()
        notices = run._process_batch([self.customer.id])._send()
        run.state = "done"
        return notices.filtered(lambda n: n.partner_id == self.customer)

    def step_reminders(self):
        for days_ago, level in ((25, "adv_dunning.level_reminder"), (17, "adv_dunning.level_firm")):
            with freeze_time(self.day(days_ago, 7)):
                notice = self.dun()
            if notice.level_id != self.ref(level) and self.ref(level):
                raise RuntimeError(f"{days_ago} days ago: expected {level}, got {notice.level_id}")

    # ------------------------------------------------------------------
    # Today (not frozen): left open
    # ------------------------------------------------------------------

    def step_second_order_held(self):
        with freeze_time(self.day(1, 16)):
            self.order2 = self.as_admin["sale.order"].create(
                {
                    "partner_id": self.contact.id,
                    "client_order_ref": "CM-HOTEL-CASSIS-T2",
                    **self.order_terms(),
                    "note": "Deuxième tranche du chantier de l'hôtel (terrasse basse).",
                    "order_line": [self.order_line(self.tiles, 24), self.order_line(self.glue, 50)],
                }
            )
            self.order2.action_confirm()
            if self.order2.state != "draft" or self.order2.adv_credit_state != "blocked":
                raise RuntimeError("the second order should be held by the credit control")
            self.order2.action_adv_request_release()

    def step_today_call(self):
        notice = self.dun()
        if not notice or not notice.adv_call_due:
            raise RuntimeError("no dunning call due today for the customer")
        if self.tiles_invoice in notice.line_ids.move_id:
            raise RuntimeError("the disputed tiles invoice was dunned")
        self.notice = notice

    def step_today_chase(self):
        self.skirting_chase = self.chase_now(
            self.po_skirting, "late_receipt", odoo.fields.Datetime.now()
        )
        if self.order not in self.skirting_chase.impact_ids.sale_order_id:
            raise RuntimeError("the late skirting put the customer's order at no risk")

    def step_marker(self):
        self.env["ir.config_parameter"].sudo().set_param(
            MARKER, f"{self.today} {self.customer.display_name} (id {self.customer.id})"
        )

    STEPS = (
        ("setting: supplier, carrier, products, show", step_setting),
        ("the visitor captured at the show", step_show_capture),
        ("the lead converted into a customer", step_customer),
        ("first order held, released, confirmed", step_first_order),
        ("tiles and skirting bought", step_purchases),
        ("glue shipped and invoiced", step_glue_shipped),
        ("tiles late: chase, answer, customer told", step_tiles_late),
        ("tiles received, shipped and invoiced", step_tiles_delivered),
        ("transport-damage claim, credit note", step_damage_claim),
        ("dunning reminders", step_reminders),
        ("second order held in the queue", step_second_order_held),
        ("today's dunning call", step_today_call),
        ("today's chase of the late skirting", step_today_chase),
        ("marker", step_marker),
    )

    def summary(self):
        admin_day = self.env["mail.activity"].search([("user_id", "=", self.admin.id)])
        mine = {
            "sale.order": self.order2,
            "adv.dunning.notice": self.notice,
            "adv.claim": self.claim,
            "adv.supply.chase": self.skirting_chase,
            "crm.lead": self.visitor_lead,
        }
        lines = [
            f"customer: {self.customer.display_name} (id {self.customer.id})",
            f"held today: {self.order2.name}; first order {self.order.name} confirmed",
            (
                f"claim {self.claim.name} ({self.claim.state}), tiles invoice "
                f"{self.tiles_invoice.name} in dispute"
            ),
            f"dunning call today: {self.notice.display_name}",
            (
                f"open chase: {self.skirting_chase.display_name}, "
                f"{len(self.skirting_chase.impact_ids)} order(s) at risk"
            ),
        ]
        for model, record in mine.items():
            acts = admin_day.filtered(
                lambda a, m=model, r=record: a.res_model == m and a.res_id == r.id
            )
            lines.append(
                f"My Day of admin, {model}: "
                + ", ".join(f"{a.activity_type_id.name} ({a.date_deadline})" for a in acts)
            )
        return lines


def main():
    args = parse_args()
    config.parse_config(
        ["-d", args.database, "--addons-path", args.addons_path, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        played = env["ir.config_parameter"].sudo().get_param(MARKER)
        if played:
            print(f"demo story: already played ({played}); nothing to do")
            return 0
        if not env.ref("base.user_admin", raise_if_not_found=False):
            print("demo story: no admin user in this database", file=sys.stderr)
            return 1
        story = Story(env, date.today())
        label = "summary"
        try:
            for name, step in Story.STEPS:
                label = name
                step(story)
                env.flush_all()
            lines = story.summary()
        except Exception:  # noqa: BLE001 - whatever fails, name the step and commit nothing
            cr.rollback()
            traceback.print_exc()
            print(f"demo story: step '{label}' failed; nothing was committed", file=sys.stderr)
            return 1
        cr.commit()
    print(f"demo story played in {time.perf_counter() - start:.1f} s:")
    for line in lines:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
