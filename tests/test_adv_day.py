# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One ADV story across the whole suite, from the trade show to the last payment.

Carrelages Martin, a tiler met at the Batimat booth, becomes a customer; their first order is
held by credit control and released within the controller's delegation; the tile supplier is
late, the chase runs and the customer is warned; one pallet arrives broken, a transport-damage
claim is qualified and a credit note issued; the glue invoice goes overdue and dunning escalates
on it while it skips the tiles invoice in dispute; the customer pays and everything closes.
"""

from datetime import date, datetime

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import html2plaintext
from odoo.tools.safe_eval import safe_eval

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.adv_base.tests.common import AdvUsersMixin


@tagged("post_install", "-at_install")
class TestAdvDay(AdvUsersMixin, AccountTestInvoicingCommon):
    """The cast, in a French company (EUR, 20 % VAT, shipped French dunning policy, a default
    credit limit of 10 000 for new customers):

    - ``staff`` (booth staff) captures visitors on a phone at the show;
    - ``salesman`` follows the show leads of France and sells;
    - ``controller`` (credit controller, delegation 5 000 over the limit) releases orders;
    - ``adele`` (ADV assistant: buys, chases suppliers, handles claims);
    - ``collector`` runs the dunning;
    - the test's own user, AccountTestInvoicingCommon's accountant, posts the invoices, receives
      the payments and validates the transfers.

    The story, on the 2026 calendar:

    1. 3 March, at the show: the visitor is captured, the capture becomes a lead of the
       salesperson with the promised follow-up in their My Day.
    2. 5 March: the salesperson completes the address and converts the lead: a new customer on
       the company's default limit (10 000) with a credit review in 12 months. Their quotation of
       20 pallets of tiles (9 000) and 40 bags of glue (1 000), 12 000 tax included, is held (over
       the limit by 2 000) and lands in the controller's My Day; the controller releases it within
       their delegation and the order confirms (new customer: the solvency warning remains).
       Adèle buys the 20 pallets (due 12 March), the vendor acknowledges.
    3. 6 March: the glue ships from stock and is invoiced (1 200, due 5 April); the tiles wait.
    4. 13 March: the receipt is a day late: the daily chase e-mails the vendor; the vendor promises
       20 March; the order is at risk (due 16 March) and the customer gets a notice in French.
    5. 20 March: the tiles arrive, the chase closes itself; they are delivered and invoiced
       (10 800, due 19 April).
    6. 23 March: one pallet arrived broken (reserves on the CMR, confirmed on the 21st): a
       transport-damage claim from the delivery puts the tiles invoice in dispute, is
       acknowledged and qualified; the next day a credit note of 450 (540 tax included) is issued
       within Adèle's delegation and offered to the customer (solution proposed).
    7. 13 April and 6 May: the dunning runs send a first reminder, then a phone-call level, on the
       glue invoice only: the tiles invoice, 17 days overdue, is skipped while in dispute. The
       collector calls, the customer promises to pay the glue on 11 May.
    8. 11 May: the glue invoice is paid; the customer accepts the credit note: the claim is
       resolved, the dispute lifted; the tiles invoice's remaining 10 260 is paid; the claim is
       closed.
    9. 15 May: the dunning run finds nothing, the promise is kept, the customer is back to no
       dunning level, every chase is closed and nobody's My Day holds anything of this story.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.company_data["company"]
        cls.fr = cls.env.ref("base.fr")
        cls.change_company_country(cls.company, cls.fr)
        eur = cls.env.ref("base.EUR")
        eur.active = True
        cls.company.write({"name": "Céramiques ADV", "currency_id": eur.id})
        cls.eur = eur
        cls.pricelist.currency_id = eur  # ProductCommon's only pricelist: sell in euros
        cls.env["res.lang"]._activate_lang("fr_FR")
        # Credit control on; a new customer starts on the company's default limit
        # (Settings > Invoicing > Default Credit Limit: an ir.default of res.partner.credit_limit).
        # Conformity and new-customer solvency checks stay on, as shipped.
        cls.company.write({"account_use_credit_limit": True, "adv_credit_review_months": 12})
        cls.env["ir.default"].set("res.partner", "credit_limit", 10000.0, company_id=cls.company.id)
        cls.company.adv_dunning_policy_id = cls.env.ref("adv_dunning.policy_fr_b2b")
        # Leads first (Settings > CRM > Leads), as most B2B teams work.
        cls.env.ref("base.group_user").write(
            {"implied_ids": [Command.link(cls.env.ref("crm.group_use_lead").id)]}
        )
        cls.setup_adv_users()

        def user(login, name, groups):
            return new_test_user(
                cls.env,
                login=login,
                name=name,
                email=f"{login}@ceramiques-adv.example",
                lang="en_US",
                groups=groups,
                company_id=cls.company.id,
            )

        cls.staff = user("day_staff", "Bruno Booth", "adv_trade_show.group_booth_staff")
        cls.show_manager = user("day_show", "Mona Show", "adv_trade_show.group_show_manager")
        cls.salesman = user(
            "day_sales", "Sam Salesman", "sales_team.group_sale_salesman,adv_base.group_user"
        )
        cls.controller = user(
            "day_controller", "Chloé Controller", "adv_order_control.group_credit_controller"
        )
        cls.adele = user(
            "day_adele",
            "Adèle ADV",
            "adv_claims.group_claim_handler,adv_supply_followup.group_supply_followup,"
            "purchase.group_purchase_user,stock.group_stock_user,sales_team.group_sale_salesman",
        )
        cls.collector = user("day_collector", "Colette Collector", "adv_dunning.group_collector")

        cls.tax20 = cls.env["account.tax"].create(
            {"name": "TVA 20 %", "amount": 20, "type_tax_use": "sale", "company_id": cls.company.id}
        )
        cls.tiles = cls._create_product(
            name="Pallet of outdoor tiles",
            is_storable=True,
            invoice_policy="delivery",
            list_price=450.0,
            standard_price=300.0,
            taxes_id=[Command.set(cls.tax20.ids)],
            supplier_taxes_id=[],
        )
        cls.glue = cls._create_product(
            name="Bag of tile glue",
            is_storable=True,
            invoice_policy="delivery",
            list_price=25.0,
            standard_price=12.0,
            taxes_id=[Command.set(cls.tax20.ids)],
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.env["stock.quant"]._update_available_quantity(cls.glue, cls.warehouse.lot_stock_id, 100)
        cls.vendor = cls.env["res.partner"].create(
            {
                "name": "Grès du Sud",
                "is_company": True,
                "email": "commandes@gres-du-sud.example",
                "lang": "en_US",
            }
        )
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.show = (
            cls.env["adv.trade.show"]
            .with_user(cls.show_manager)
            .create(
                {
                    "name": "Batimat 2026",
                    "city": "Paris",
                    "country_id": cls.fr.id,
                    "booth": "4-B112",
                    "date_begin": "2026-03-02",
                    "date_end": "2026-03-05",
                    "user_id": cls.show_manager.id,
                    "staff_ids": [Command.set((cls.staff | cls.show_manager).ids)],
                    "state": "running",
                }
            )
        )
        cls.env["adv.trade.show.assign.rule"].with_user(cls.show_manager).create(
            {
                "name": "France",
                "sequence": 1,
                "country_ids": [Command.set(cls.fr.ids)],
                "user_id": cls.salesman.id,
            }
        )

    # ------------------------------------------------------------------
    # What the users see
    # ------------------------------------------------------------------

    def my_day(self, user, record=None):
        """``user``'s My Day as the web client loads it (the action's domain, the list's order),
        as that user; only the items of ``record`` when given."""
        action = self.env.ref("adv_base.my_day_action")
        Activity = self.env["mail.activity"].with_user(user)
        views = Activity.get_views([(self.env.ref("adv_base.my_day_view_list").id, "list")])
        order = etree.fromstring(views["views"]["list"]["arch"]).get("default_order")
        domain = safe_eval(action.domain, {"uid": user.id})
        if record is not None:
            domain += [("res_model", "=", record._name), ("res_id", "in", record.ids)]
        return Activity.search(domain, order=order)

    def chatter(self, record, text):
        """The messages of ``record``'s chatter containing ``text`` (as the user reads it)."""
        text = text.replace("\xa0", " ")
        return record.sudo().message_ids.filtered(
            lambda m: text in html2plaintext(m.body or "").replace("\xa0", " ")
        )

    def receivables(self, move):
        return move.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")

    def dun(self):
        """The collector's manual run: preview, then send."""
        run = self.env["adv.dunning.run"].with_user(self.collector).create({})
        run.action_compute()
        run.action_send()
        return run.sudo()

    def pay(self, invoice, amount=None):
        vals = {"amount": amount} if amount else {}
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(vals)._create_payments()

    def money(self, amount):
        return self.eur.format(amount)

    # ------------------------------------------------------------------
    # The day
    # ------------------------------------------------------------------

    def test_adv_day(self):
        customer, order = self.step_show_to_customer()
        order = self.step_order_held_and_released(customer, order)
        purchase = self.step_purchase()
        glue_invoice = self.step_glue_shipped_and_invoiced(order)
        chase = self.step_supplier_late(order, purchase)
        tiles_invoice = self.step_tiles_arrive(order, purchase, chase)
        claim = self.step_damage_claim(customer, order, tiles_invoice, chase)
        notice = self.step_dunning(customer, glue_invoice, tiles_invoice)
        self.step_payment_and_closure(
            customer, order, glue_invoice, tiles_invoice, claim, chase, notice
        )

    def step_show_to_customer(self):
        # 1. At the booth, on a phone.
        with freeze_time("2026-03-03 10:30:00"):
            capture = (
                self.env["adv.trade.show.capture"]
                .with_user(self.staff)
                .create(
                    {
                        "show_id": self.show.id,
                        "name": "Jeanne Martin",
                        "company_name": "Carrelages Martin",
                        "function": "Buyer",
                        "email": "jeanne@carrelages-martin.example",
                        "phone": "06 19 73 42 58",
                        "product_ids": [Command.set(self.tiles.product_tmpl_id.ids)],
                        "need": "Outdoor tiles and glue for a hotel terrace",
                        "temperature": "hot",
                        "next_step": "quote",
                        "informed": True,
                    }
                )
            )
            result = capture.action_process()
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual((capture.state, capture.matched_by), ("done", "new"))
        lead = capture.lead_id.with_user(self.salesman)
        self.assertEqual(lead.type, "lead")
        self.assertEqual(lead.adv_show_id, self.show)
        self.assertEqual(lead.user_id, self.salesman)  # the rule for France
        self.assertEqual(lead.lang_id.code, "fr_FR")
        self.assertEqual(lead.priority, "3")  # hot
        follow_up = self.my_day(self.salesman, lead)
        self.assertEqual(len(follow_up), 1)
        self.assertEqual(
            follow_up.activity_type_id, self.env.ref("adv_trade_show.mail_activity_show_followup")
        )
        self.assertEqual(
            (follow_up.summary, str(follow_up.date_deadline)), ("Send a quote", "2026-03-05")
        )

        # 2. Two days later the salesperson calls back, completes the address, converts the lead.
        with freeze_time("2026-03-05 09:00:00"):
            lead.write({"street": "12 rue des Potiers", "zip": "13008", "city": "Marseille"})
            wizard = (
                self.env["crm.lead2opportunity.partner"]
                .with_user(self.salesman)
                .with_context(active_model="crm.lead", active_id=lead.id, active_ids=lead.ids)
                .create({"name": "convert", "action": "create"})
            )
            wizard.action_apply()
        self.assertEqual(lead.type, "opportunity")
        contact = lead.partner_id
        customer = contact.commercial_partner_id
        self.assertNotEqual(contact, customer)
        self.assertEqual((customer.name, customer.is_company), ("Carrelages Martin", True))
        self.assertEqual(contact.name, "Jeanne Martin")
        self.assertEqual(capture.partner_id, contact)
        self.assertEqual(customer.lang, "fr_FR")
        self.assertEqual(customer.user_id, self.salesman)
        # The accountant records the agreed terms and the VAT number.
        customer.write({"vat": "FR40303265045", "property_payment_term_id": self.term_30.id})
        customer_c = customer.with_company(self.company)
        # Odoo's fallback: the company's default limit.
        self.assertEqual(customer_c.credit_limit, 10000.0)
        self.assertFalse(customer_c.use_partner_credit_limit)
        # adv_order_control_trade_show: a review date 12 months from the conversion, and a note.
        self.assertEqual(customer_c.adv_credit_review_date, date(2027, 3, 5))
        self.assertTrue(self.chatter(customer, "Customer won at the trade show Batimat 2026"))
        self.assertEqual(customer_c.with_user(self.salesman).adv_credit_limit, 10000.0)

        # The quotation the visitor asked for.
        with freeze_time("2026-03-05 09:30:00"):
            order = (
                self.env["sale.order"]
                .with_user(self.salesman)
                .create(
                    {
                        "partner_id": contact.id,
                        "commitment_date": datetime(2026, 3, 16, 12, 0),
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": self.tiles.id,
                                    "product_uom_qty": 20,
                                    "price_unit": 450.0,
                                    "tax_id": [Command.set(self.tax20.ids)],
                                }
                            ),
                            Command.create(
                                {
                                    "product_id": self.glue.id,
                                    "product_uom_qty": 40,
                                    "price_unit": 25.0,
                                    "tax_id": [Command.set(self.tax20.ids)],
                                }
                            ),
                        ],
                    }
                )
            )
            follow_up.action_feedback(feedback="Quote sent")
        self.assertEqual(order.partner_invoice_id.commercial_partner_id, customer)
        self.assertEqual(order.payment_term_id, self.term_30)
        self.assertEqual((order.amount_untaxed, order.amount_total), (10000.0, 12000.0))
        self.assertFalse(self.my_day(self.salesman, lead))
        return customer, order

    def step_order_held_and_released(self, customer, order):
        with freeze_time("2026-03-05 10:00:00"):
            # The banner before confirming: the address and terms conform, the limit does not.
            self.assertEqual(order.adv_credit_outcome, "approval")
            self.assertEqual(
                (order.adv_credit_limit, order.adv_exposure, order.adv_this_order),
                (10000.0, 0.0, 12000.0),
            )
            self.assertEqual(order.adv_excess, 2000.0)
            self.assertNotIn("fa-times", order.adv_checklist)
            self.assertIn("Delivery and invoice addresses complete.", order.adv_checklist)
            result = order.action_confirm()
            self.assertEqual(result["tag"], "display_notification")
            self.assertEqual(result["params"]["adv_refused_order_ids"], order.ids)
            self.assertIn("was not confirmed", result["params"]["message"])
            self.assertEqual((order.state, order.adv_credit_state), ("draft", "blocked"))
            check = order.sudo().adv_check_ids
            self.assertEqual(len(check), 1)
            self.assertEqual((check.outcome, check.state), ("approval", "open"))
            self.assertEqual(
                (check.credit_limit, check.amount_order, check.excess), (10000.0, 12000.0, 2000.0)
            )
            self.assertEqual(
                sorted(check.line_ids.mapped(lambda ln: (ln.rule, ln.outcome))),
                [("over_limit", "approval"), ("solvency_check", "warn")],
            )
            self.assertIn(f"over by {self.money(2000.0)}", check.reasons)
            self.assertTrue(self.chatter(order, "Credit control: Needs approval"))
            order.action_adv_request_release()
            # The controller's My Day: one release to decide, worth the whole order.
            release = self.my_day(self.controller, order)
            self.assertEqual(len(release), 1)
            self.assertEqual(
                release.activity_type_id,
                self.env.ref("adv_order_control.mail_activity_credit_release"),
            )
            self.assertEqual(release.adv_stake, 12000.0)
            # Over by 2 000: within the controller's 5 000.
            self.assertIs(
                check.with_user(self.controller).action_release(
                    "New customer met at Batimat, references checked"
                ),
                True,
            )
            self.assertEqual((check.state, check.release_user_id), ("released", self.controller))
            self.assertEqual(check.approved_amount, 12000.0)
            self.assertEqual(order.adv_credit_state, "released")
            self.assertTrue(
                self.chatter(
                    order, f"Credit release by Chloé Controller up to {self.money(12000.0)}"
                )
            )
            self.assertFalse(self.my_day(self.controller, order))
            # The salesperson confirms: passes, with the new customer's solvency warning logged.
            self.assertIs(order.action_confirm(), True)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.adv_credit_state, "warn")
        warning = order.sudo().adv_check_ids - check
        self.assertEqual((warning.outcome, warning.state), ("warn", "done"))
        self.assertEqual(warning.line_ids.rule, "solvency_check")
        self.assertEqual(len(order.picking_ids), 1)
        return order

    def step_purchase(self):
        # Adèle buys the tiles for the order; the vendor acknowledges through the portal link.
        with freeze_time("2026-03-05 11:00:00"):
            purchase = (
                self.env["purchase.order"]
                .with_user(self.adele)
                .create(
                    {
                        "partner_id": self.vendor.id,
                        "user_id": self.adele.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": self.tiles.id,
                                    "product_qty": 20,
                                    "price_unit": 300.0,
                                    "date_planned": datetime(2026, 3, 12, 12, 0),
                                    "taxes_id": [],
                                }
                            )
                        ],
                    }
                )
            )
            purchase.button_confirm()
            purchase.sudo()._confirm_reception_mail()
        self.assertEqual(purchase.state, "purchase")
        self.assertTrue(purchase.mail_reception_confirmed)
        self.assertEqual(len(purchase.picking_ids), 1)
        return purchase

    def step_glue_shipped_and_invoiced(self, order):
        with freeze_time("2026-03-06 15:00:00"):
            delivery = order.picking_ids
            delivery.action_assign()
            for move in delivery.move_ids:
                move.quantity = move.product_uom_qty if move.product_id == self.glue else 0.0
            action = delivery.button_validate()
            Form(self.env[action["res_model"]].with_context(**action["context"])).save().process()
            self.assertEqual(delivery.state, "done")
            glue_invoice = order._create_invoices()
            glue_invoice.action_post()
        self.assertEqual(glue_invoice.invoice_line_ids.product_id, self.glue)
        self.assertEqual(glue_invoice.amount_total, 1200.0)
        self.assertEqual(glue_invoice.invoice_date_due, date(2026, 4, 5))
        self.assertEqual(len(order.picking_ids), 2)  # the tiles' backorder
        return glue_invoice

    def step_supplier_late(self, order, purchase):
        Chase = self.env["adv.supply.chase"]
        with freeze_time("2026-03-13 08:00:00"):
            created = Chase._generate()
        chase = created.filtered(lambda c: c.purchase_id == purchase)
        self.assertEqual(len(chase), 1)
        self.assertEqual((chase.kind, chase.state), ("late_receipt", "open"))
        self.assertEqual(chase.level_id, self.env.ref("adv_supply_followup.level_late_mail"))
        self.assertEqual(chase.picking_id, purchase.picking_ids)
        self.assertEqual((chase.days_late, chase.amount), (1, 6000.0))
        self.assertEqual(chase.user_id, self.adele)
        mail = self.env["mail.mail"].search(
            [("model", "=", chase._name), ("res_id", "=", chase.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(f"{purchase.name} is late", mail.subject)
        self.assertIn(self.vendor, mail.recipient_ids)
        follow = self.my_day(self.adele, chase.with_user(self.adele))
        self.assertEqual(
            follow.activity_type_id,
            self.env.ref("adv_supply_followup.mail_activity_type_chase_followup"),
        )
        # The vendor calls back: kiln breakdown, shipping for the 20th.
        with freeze_time("2026-03-13 10:00:00"):
            # Expected tomorrow at the earliest, still before the 16th: not at risk yet.
            self.assertFalse(purchase._adv_impacted_sale_orders())
            chase.with_user(self.adele)._record_answer(date(2026, 3, 20), "Kiln breakdown")
        self.assertEqual(chase.state, "answered")
        self.assertEqual(purchase.order_line.date_planned.date(), date(2026, 3, 20))
        self.assertEqual(purchase.picking_ids.scheduled_date.date(), date(2026, 3, 20))
        self.assertEqual(
            purchase.order_line.adv_date_ids.sorted("id").mapped("kind")[-1], "revised"
        )
        self.assertFalse(self.my_day(self.adele, chase))  # answered: its follow-up is done
        impact = chase.impact_ids
        self.assertEqual(impact.sale_order_id, order)
        self.assertEqual((impact.qty_at_risk, impact.amount), (20.0, 9000.0))
        self.assertEqual((impact.date_due, impact.date_new), (date(2026, 3, 16), date(2026, 3, 20)))
        self.assertEqual(impact.delay_days, 4)
        # The customer is told before they call, in French.
        with freeze_time("2026-03-13 10:15:00"):
            impact.with_user(self.adele).action_notify_customer()
        notice = order.message_ids.filtered(
            lambda m: m.message_type == "comment" and "nouvelle date" in (m.subject or "")
        )
        self.assertEqual(len(notice), 1)
        self.assertIn("Un retard fournisseur", notice.body)
        self.assertIn("20/03/2026", notice.body)
        self.assertEqual(notice.author_id, self.adele.partner_id)
        self.assertTrue(impact.date_notified)
        return chase

    def step_tiles_arrive(self, order, purchase, chase):
        with freeze_time("2026-03-20 09:00:00"):
            receipt = purchase.picking_ids
            receipt.move_ids.quantity = 20
            receipt.button_validate()
            self.assertEqual(receipt.state, "done")
            self.env["adv.supply.chase"]._generate()
            self.assertEqual((chase.state, chase.close_reason), ("closed", "resolved"))
            self.assertEqual(purchase.order_line.qty_received, 20)
            backorder = order.picking_ids.filtered(lambda p: p.state not in ("done", "cancel"))
            backorder.action_assign()
            backorder.move_ids.quantity = 20
            backorder.button_validate()
            self.assertEqual(backorder.state, "done")
            tiles_invoice = order._create_invoices()
            tiles_invoice.action_post()
        self.assertEqual(tiles_invoice.invoice_line_ids.product_id, self.tiles)
        self.assertEqual(tiles_invoice.amount_total, 10800.0)
        self.assertEqual(tiles_invoice.invoice_date_due, date(2026, 4, 19))
        self.assertEqual(order.invoice_status, "invoiced")
        return tiles_invoice

    def step_damage_claim(self, customer, order, tiles_invoice, chase):
        delivery = order.picking_ids.filtered(
            lambda p: p.move_ids.product_id == self.tiles and p.state == "done"
        )
        tile_move = delivery.move_ids
        tile_invoice_line = tiles_invoice.invoice_line_ids
        photos = self.env.ref("adv_claims.evidence_photos")
        cmr = self.env.ref("adv_claims.evidence_delivery_note")
        with freeze_time("2026-03-23 09:00:00"):
            # Jeanne phones: one pallet broken; reserves on the CMR, confirmed on the 21st.
            action = delivery.with_user(self.adele).action_new_adv_claim()
            form = Form(
                self.env["adv.claim"].with_user(self.adele).with_context(**action["context"])
            )
            form.subject = "One pallet of tiles broken on delivery"
            form.contact_id = order.partner_id
            form.channel = "phone"
            form.type_id = self.env.ref("adv_claims.claim_type_damage")
            form.invoice_id = tiles_invoice
            claim = form.save()
            # The claimed line: the delivered move, its order line and its invoice line.
            claim.with_user(self.adele).write(
                {
                    "line_ids": [
                        Command.create(
                            {
                                "move_id": tile_move.id,
                                "sale_line_id": tile_move.sale_line_id.id,
                                "invoice_line_id": tile_invoice_line.id,
                                "quantity": 1,
                            }
                        )
                    ]
                }
            )
            self.assertEqual((claim.state, claim.partner_id), ("new", customer))
            self.assertEqual(claim.picking_id, delivery)
            self.assertEqual(claim.user_id, self.adele)
            self.assertEqual(claim.amount_claimed, 450.0)
            self.assertEqual(claim.responsible_party, "carrier")
            self.assertEqual(claim.date_delivered, date(2026, 3, 20))
            # adv_claims_dunning: the open claim puts the tiles invoice in dispute.
            self.assertTrue(tiles_invoice.adv_dispute)
            self.assertIn(claim.name, tiles_invoice.adv_dispute_reason)
            self.assertTrue(all(self.receivables(tiles_invoice).mapped("adv_dispute")))
            self.assertTrue(
                self.chatter(tiles_invoice, f"Put in dispute by the claim {claim.name}")
            )
            # adv_claims_supply_followup: the claim knows the supply delay behind its order.
            self.assertIn(chase, claim.sudo().adv_delay_chase_ids)
            # My Day: acknowledge it.
            ack = self.my_day(self.adele, claim)
            self.assertEqual(
                ack.activity_type_id, self.env.ref("adv_claims.mail_activity_claim_ack")
            )
            self.assertEqual(ack.adv_stake, 450.0)
            claim.with_user(self.adele).with_context(tracking_disable=False).action_acknowledge()
            answer = claim.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
            self.assertIn("Nous avons bien reçu votre réclamation", answer.body)
            self.assertIn(order.partner_id, answer.partner_ids)
            # The evidence gate: no qualification without photos, CMR and the reserve date.
            claim.with_user(self.adele).write({"justified": "yes"})
            # (Odoo's assertRaises rolls the refused write back, as the request would.)
            with self.assertRaises(UserError) as refusal:
                claim.with_user(self.adele).action_qualify()
            self.assertIn("evidence: Photos", str(refusal.exception))
            self.assertIn("evidence: Delivery note with reserves", str(refusal.exception))
            self.assertEqual(claim.state, "new")
            claim.with_user(self.adele).write(
                {
                    "evidence_ids": [
                        Command.create({"kind_id": photos.id, "note": "4 photos by e-mail"}),
                        Command.create({"kind_id": cmr.id, "note": "CMR signed with reserves"}),
                    ]
                }
            )
            with self.assertRaises(UserError) as refusal:
                claim.with_user(self.adele).action_qualify()
            self.assertIn("the date reserves were sent", str(refusal.exception))
            self.assertEqual(claim.state, "new")
            claim.with_user(self.adele).date_reserve = "2026-03-21"
            self.assertFalse(claim.reserve_late)
            claim.with_user(self.adele).action_qualify()
            self.assertEqual(claim.state, "qualified")
            self.assertFalse(claim.escalated)
            resolution = self.my_day(self.adele, claim)
            self.assertEqual(
                resolution.activity_type_id,
                self.env.ref("adv_claims.mail_activity_claim_resolution"),
            )
        with freeze_time("2026-03-24 09:00:00"):
            # The remedy: a credit note for the broken pallet, within Adèle's 1 000.
            action = claim.with_user(self.adele).action_propose_credit_note()
            remedy = self.env["adv.claim.remedy"].browse(action["res_id"])
            self.assertEqual(claim.state, "proposed")
            self.assertEqual((remedy.remedy_type, remedy.amount), ("credit_note", 450.0))
            self.assertEqual(claim.amount_stake, 900.0)
            self.assertFalse(claim.escalated)
            remedy.with_user(self.adele).action_execute()
            refund = remedy.account_move_id
            self.assertEqual((remedy.state, remedy.done_by_id), ("done", self.adele))
            self.assertEqual((refund.move_type, refund.state), ("out_refund", "draft"))
            self.assertEqual(refund.reversed_entry_id, tiles_invoice)
            self.assertEqual(refund.amount_total, 540.0)
            self.assertTrue(self.chatter(claim, "carried out"))
            # The accountant posts it: as a reversal of the tiles invoice, it is set against it.
            refund.action_post()
        self.assertEqual(refund.payment_state, "paid")
        self.assertEqual(tiles_invoice.amount_residual, 10260.0)
        self.assertEqual(tiles_invoice.payment_state, "partial")
        # Still being handled (the customer is to accept the credit note): still in dispute.
        self.assertTrue(claim._adv_is_open())
        self.assertTrue(tiles_invoice.adv_dispute)
        self.assertFalse(refund.adv_dispute)
        return claim

    def step_dunning(self, customer, glue_invoice, tiles_invoice):
        first, call = (
            self.env.ref("adv_dunning.level_reminder"),
            self.env.ref("adv_dunning.level_call"),
        )
        # 13 April: the glue invoice is 8 days overdue, the tiles invoice not due yet.
        with freeze_time("2026-04-13 07:00:00"):
            run = self.dun()
        notice = run.notice_ids.filtered(lambda n: n.partner_id == customer)
        self.assertEqual(len(notice), 1)
        self.assertEqual((notice.state, notice.level_id), ("sent", first))
        self.assertEqual(notice.line_ids.move_id, glue_invoice)
        self.assertEqual(notice.amount_due, 1200.0)
        self.assertEqual(notice.email_state, "sent")
        reminder = notice.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("relance de paiement", reminder.subject)  # in the customer's language
        self.assertEqual(self.receivables(glue_invoice).adv_dunning_level_id, first)
        # 6 May: the glue invoice is 31 days late (the call level), the tiles invoice 17 days
        # late but in dispute: skipped.
        with freeze_time("2026-05-06 07:00:00"):
            run = self.dun()
            notice = run.notice_ids.filtered(lambda n: n.partner_id == customer)
            self.assertEqual(len(notice), 1)
            self.assertEqual(notice.level_id, call)
            self.assertEqual(notice.line_ids.move_id, glue_invoice)
            self.assertNotIn(tiles_invoice, notice.line_ids.move_id)
            self.assertEqual(notice.totals, self.money(1200.0))
            self.assertFalse(self.receivables(tiles_invoice).adv_dunning_level_id)
            self.assertEqual(glue_invoice.adv_dunning_level_id, call)
            customer_c = customer.with_company(self.company).with_user(self.collector)
            self.assertEqual(customer_c.adv_dunning_level_id, call)
            self.assertTrue(self.chatter(customer, "Dunning notice Phone call"))
            # The salesperson is told to hold new commitments.
            told = notice.message_ids.filtered(
                lambda m: "reached the dunning level" in (m.body or "")
            )
            self.assertIn(self.salesman.partner_id, told.partner_ids)
            # The collector's My Day: the call, worth the glue invoice.
            call_todo = self.my_day(self.collector, notice)
            self.assertEqual(
                call_todo.activity_type_id, self.env.ref("adv_dunning.mail_activity_type_call")
            )
            self.assertEqual(call_todo.adv_stake, 1200.0)
            notice.with_user(self.collector)._record_call_outcome(
                "promise",
                note="Pays the glue on Monday; the tiles once the credit note is agreed",
                promise_amount=1200.0,
                promise_date=date(2026, 5, 11),
            )
            self.assertEqual(notice.call_outcome, "promise")
            self.assertFalse(self.my_day(self.collector, notice))
        return notice

    def step_payment_and_closure(
        self, customer, order, glue_invoice, tiles_invoice, claim, chase, notice
    ):
        with freeze_time("2026-05-11 10:00:00"):
            self.pay(glue_invoice)
            self.assertIn(glue_invoice.payment_state, ("paid", "in_payment"))
            # The customer accepts the credit note: the claim is resolved, the dispute lifted.
            claim.with_user(self.adele).action_resolve()
            self.assertEqual(claim.state, "resolved")
            self.assertFalse(tiles_invoice.adv_dispute)
            self.assertFalse(any(self.receivables(tiles_invoice).mapped("adv_dispute")))
            self.assertTrue(self.chatter(tiles_invoice, "its dispute is lifted"))
            self.assertFalse(self.my_day(self.adele, claim))
            self.pay(tiles_invoice)
            self.assertIn(tiles_invoice.payment_state, ("paid", "in_payment"))
            self.assertEqual(tiles_invoice.amount_residual, 0.0)
            claim.with_user(self.adele).action_close()
            self.assertEqual(claim.state, "closed")
        # 15 May: nothing left to dun; the promise was kept.
        with freeze_time("2026-05-15 07:00:00"):
            run = self.dun()
            self.assertFalse(run.notice_ids.filtered(lambda n: n.partner_id == customer))
            promise = (
                self.env["adv.dunning.promise"]
                .with_user(self.collector)
                .search([("partner_id", "=", customer.id)])
            )
            self.assertEqual(promise.state, "kept")
            customer_c = customer.with_company(self.company).with_user(self.collector)
            self.assertFalse(customer_c.adv_dunning_level_id)
            self.assertEqual(customer_c.adv_dunning_overdue, 0.0)
            exposure = customer.with_company(self.company).with_user(self.controller)
            self.assertEqual(exposure.adv_exposure, 0.0)
        self.assertEqual(notice.state, "sent")
        self.assertEqual((chase.state, chase.close_reason), ("closed", "resolved"))
        self.assertFalse(
            self.env["adv.supply.chase"]
            .with_user(self.adele)
            .search(
                [
                    ("purchase_id", "=", chase.purchase_id.id),
                    ("state", "!=", "closed"),
                ]
            )
        )
        self.assertEqual(order.invoice_status, "invoiced")
        # Nobody's My Day holds anything of this story any more.
        for user in (self.salesman, self.controller, self.adv_manager, self.adele, self.collector):
            leftovers = self.my_day(user).filtered(
                lambda a: (
                    (a.res_model, a.res_id)
                    in {
                        ("sale.order", order.id),
                        ("adv.claim", claim.id),
                        ("adv.supply.chase", chase.id),
                        ("adv.dunning.notice", notice.id),
                        ("res.partner", customer.id),
                    }
                )
            )
            self.assertFalse(leftovers, user.name)
