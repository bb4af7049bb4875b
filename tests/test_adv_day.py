# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One ADV story across the whole suite, from the trade show to the last payment.

The story of tests/story.py (the demo database's story), played to its end on the 2026 calendar
by a cast of users, each step checked for what it must have produced: Carrelages Martin, a tiler
met at the show, becomes a customer; their first order is held by credit control and released
within the controller's delegation; the tile supplier is late, the chase runs and the customer is
warned; one pallet arrives broken, a transport-damage claim is qualified and a credit note issued;
the glue invoice goes overdue and dunning escalates on it while it skips the tiles invoice in
dispute; the customer pays and everything closes.
"""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import html2plaintext
from odoo.tools.safe_eval import safe_eval

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.adv_base.tests.common import AdvUsersMixin

from .story import Story


@tagged("post_install", "-at_install")
class TestAdvDay(AdvUsersMixin, AccountTestInvoicingCommon):
    """The cast, in a French company (EUR, 20 % VAT, shipped French dunning policy, a default
    credit limit of 10 000 for new customers):

    - ``staff`` (booth staff) captures visitors on a phone at the show;
    - ``salesman`` follows the show leads of France and sells;
    - ``controller`` (credit controller, delegation 5 000 over the limit) releases orders;
    - ``adele`` (ADV assistant: buys, ships, chases suppliers, handles claims);
    - ``collector`` runs the dunning;
    - the test's own user, AccountTestInvoicingCommon's accountant, records the customer's terms,
      invoices, posts the credit note and receives the payments.

    The story, on the 2026 calendar (day 0 of tests/story.py is 3 March, "today" 6 May):

    1. 3 March, at the show: the visitor is captured, the capture becomes a lead of the
       salesperson with the promised follow-up in their My Day (and another visitor's lead).
    2. 5 March: the salesperson completes the address and converts the lead: a new customer on
       the company's default limit (10 000) with a credit review in 12 months. Their quotation of
       20 pallets of tiles (9 000) and 40 bags of glue (1 000), 12 000 tax included, is held (over
       the limit by 2 000) and lands in the controller's My Day; the controller releases it within
       their delegation and the order confirms (new customer: the solvency warning remains).
       Adèle buys the 20 pallets (due 12 March) and the skirting (due 3 May), the vendor
       acknowledges. 7 March: the other visitor's showroom visit is set for 7 May.
    3. 6 March: the glue ships from stock and is invoiced (1 200, due 5 April); the tiles wait.
    4. 13 March: the receipt is a day late: the daily chase e-mails the vendor; the vendor promises
       20 March; the order is at risk (due 16 March) and the customer gets a notice in French.
    5. 20 March: the tiles arrive, the chase closes itself; they are delivered and invoiced
       (10 800, due 19 April).
    6. 23 March: one pallet arrived broken (reserves on the CMR, confirmed on the 21st): a
       transport-damage claim from the delivery suspends the dunning of the tiles invoice, is
       acknowledged and qualified; the next day a credit note of 450 (540 tax included) is issued
       within Adèle's delegation and offered to the customer (solution proposed).
    7. 13 April and 6 May: the dunning runs send a first reminder, then a phone-call level, on the
       glue invoice only: the tiles invoice, 17 days overdue, is skipped while the claim is
       open. On 5 May the second order is held; on 6 May the skirting is late. The collector
       calls, the customer promises to pay the glue on 11 May.
    8. 11 May: the glue invoice is paid; the customer accepts the credit note: the claim is
       resolved, the suspension lifted; the tiles invoice's remaining 10 260 is paid; the claim is
       closed.
    9. 15 May: the dunning run finds nothing, the promise is kept, the customer is back to no
       dunning level, the tiles' chase is closed and nobody's My Day holds anything of this story.
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
        cls._setup_cast()
        cls.tax20 = cls.env["account.tax"].create(
            {"name": "TVA 20 %", "amount": 20, "type_tax_use": "sale", "company_id": cls.company.id}
        )
        cls.term_30 = cls.env.ref("account.account_payment_term_30days")
        cls.env["adv.trade.show.assign.rule"].with_user(cls.show_manager).create(
            {
                "name": "France",
                "sequence": 1,
                "country_ids": [Command.set(cls.fr.ids)],
                "user_id": cls.salesman.id,
            }
        )

    @classmethod
    def _setup_cast(cls):
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

    def suspensions(self, move):
        """{journal item id: reason} of ``move``'s receivables that dunning skips today."""
        return self.env["account.move.line"]._adv_dunning_suspensions(
            [("id", "in", self.receivables(move).ids)]
        )

    def money(self, amount):
        return self.eur.format(amount)

    # ------------------------------------------------------------------
    # The day: each step of the story, then what it must have produced
    # ------------------------------------------------------------------

    def test_adv_day(self):
        cast = {
            "setting": self.env.user,
            "show_manager": self.show_manager,
            "staff": self.staff,
            "salesman": self.salesman,
            "accountant": self.env.user,
            "controller": self.controller,
            "buyer": self.adele,
            "collector": self.collector,
        }
        # (e-mails and phones of their own: the test database may hold the demo story, played
        # by scripts/test.sh, and the capture must find no match there)
        contacts = {
            "Jeanne Martin": {
                "email": "jeanne@carrelages-martin.example",
                "phone": "06 19 73 42 58",
            },
            "Marc Rey": {"email": "marc@renovhabitat-aix.example", "phone": "06 71 48 22 19"},
        }
        self.story = Story(self.env, cast, date(2026, 3, 3), sale_tax=self.tax20, contacts=contacts)
        checked = []
        for __, step in Story.UNTIL_TODAY + Story.AFTER_TODAY:
            step(self.story)
            check = getattr(self, step.__name__.replace("play_", "check_", 1), None)
            if check:
                # what the users see right after the step, at the story's moment
                with freeze_time(self.story.clock):
                    check(self.story)
                checked.append(step.__name__)
        self.assertEqual(len(checked), len(Story.UNTIL_TODAY + Story.AFTER_TODAY) - 1)

    def check_capture(self, s):
        self.assertEqual(s.capture_result["params"]["type"], "success")
        self.assertEqual((s.capture.state, s.capture.matched_by), ("done", "new"))
        lead = s.lead
        self.assertEqual(lead.type, "lead")
        self.assertEqual(lead.adv_show_id, s.show)
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
        self.assertEqual(s.visitor_lead.user_id, self.salesman)
        self.assertEqual(len(self.my_day(self.salesman, s.visitor_lead)), 1)

    def check_customer(self, s):
        self.assertEqual(s.lead.type, "opportunity")
        contact, customer = s.contact, s.customer
        self.assertEqual((customer.name, customer.is_company), ("Carrelages Martin", True))
        self.assertEqual(contact.name, "Jeanne Martin")
        self.assertEqual(s.capture.partner_id, contact)
        self.assertEqual(customer.lang, "fr_FR")
        self.assertEqual(customer.user_id, self.salesman)
        customer_c = customer.with_company(self.company)
        # Odoo's fallback: the company's default limit.
        self.assertEqual(customer_c.credit_limit, 10000.0)
        self.assertFalse(customer_c.use_partner_credit_limit)
        # adv_order_control_trade_show: a review date 12 months from the conversion, and a note.
        self.assertEqual(customer_c.adv_credit_review_date, date(2027, 3, 5))
        self.assertTrue(self.chatter(customer, f"Customer won at the trade show {s.show.name}"))
        self.assertEqual(customer_c.with_user(self.salesman).adv_credit_limit, 10000.0)

    def check_quotation(self, s):
        order = s.order
        self.assertEqual(order.partner_invoice_id.commercial_partner_id, s.customer)
        self.assertEqual(order.payment_term_id, self.term_30)
        self.assertEqual((order.amount_untaxed, order.amount_total), (10000.0, 12000.0))
        self.assertFalse(self.my_day(self.salesman, s.lead))

    def check_order_held(self, s):
        order = s.order
        # The banner: the address and terms conform, the limit does not.
        self.assertEqual(order.adv_credit_outcome, "approval")
        self.assertEqual(
            (order.adv_credit_limit, order.adv_exposure, order.adv_this_order),
            (10000.0, 0.0, 12000.0),
        )
        self.assertEqual(order.adv_excess, 2000.0)
        self.assertNotIn("fa-times", order.adv_checklist)
        self.assertIn("Delivery and invoice addresses complete.", order.adv_checklist)
        result = s.confirm_result
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
        # The controller's My Day: one release to decide, worth the whole order.
        release = self.my_day(self.controller, order)
        self.assertEqual(len(release), 1)
        self.assertEqual(
            release.activity_type_id,
            self.env.ref("adv_order_control.mail_activity_credit_release"),
        )
        self.assertEqual(release.adv_stake, 12000.0)

    def check_order_released(self, s):
        # Over by 2 000: within the controller's 5 000.
        self.assertIs(s.release_result, True)
        check = s.check.sudo()
        self.assertEqual((check.state, check.release_user_id), ("released", self.controller))
        self.assertEqual(check.approved_amount, 12000.0)
        self.assertEqual(s.order.adv_credit_state, "released")
        self.assertTrue(
            self.chatter(s.order, f"Credit release by Chloé Controller up to {self.money(12000.0)}")
        )
        self.assertFalse(self.my_day(self.controller, s.order))

    def check_order_confirmed(self, s):
        # The salesperson confirms: passes, with the new customer's solvency warning logged.
        order = s.order
        self.assertIs(s.confirm_result, True)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.adv_credit_state, "warn")
        warning = order.sudo().adv_check_ids - s.check
        self.assertEqual((warning.outcome, warning.state), ("warn", "done"))
        self.assertEqual(warning.line_ids.rule, "solvency_check")
        self.assertEqual(len(order.picking_ids), 1)

    def check_purchases(self, s):
        for purchase in (s.po_tiles, s.po_skirting):
            self.assertEqual(purchase.state, "purchase")
            self.assertTrue(purchase.mail_reception_confirmed)
            self.assertEqual(len(purchase.picking_ids), 1)

    def check_visit_arranged(self, s):
        visit = self.my_day(self.salesman, s.visitor_lead)
        self.assertEqual(len(visit), 1)
        self.assertEqual(visit.date_deadline, date(2026, 5, 7))
        self.assertEqual(s.show.state, "done")

    def check_glue_shipped(self, s):
        invoice = s.glue_invoice
        self.assertEqual(s.glue_delivery.state, "done")
        self.assertEqual(invoice.invoice_line_ids.product_id, s.glue)
        self.assertEqual(invoice.amount_total, 1200.0)
        self.assertEqual(invoice.invoice_date_due, date(2026, 4, 5))
        self.assertEqual(len(s.order.picking_ids), 2)  # the tiles' backorder

    def check_tiles_chased(self, s):
        chase, purchase = s.tiles_chase, s.po_tiles
        self.assertEqual((chase.kind, chase.state), ("late_receipt", "open"))
        self.assertEqual(chase.level_id, self.env.ref("adv_supply_followup.level_late_mail"))
        self.assertEqual(chase.picking_id, purchase.picking_ids)
        self.assertEqual((chase.days_late, chase.amount), (1, 6000.0))
        self.assertEqual(chase.user_id, self.adele)
        mail = self.env["mail.mail"].search(
            [("model", "=", chase._name), ("res_id", "=", chase.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(f"{purchase.name} est en retard", mail.subject)  # the vendor's language
        self.assertIn(s.vendor, mail.recipient_ids)
        follow = self.my_day(self.adele, chase.with_user(self.adele))
        self.assertEqual(
            follow.activity_type_id,
            self.env.ref("adv_supply_followup.mail_activity_type_chase_followup"),
        )
        # Expected tomorrow at the earliest, still before the 16th: not at risk yet.
        self.assertFalse(purchase._adv_impacted_sale_orders())

    def check_tiles_answered(self, s):
        chase, purchase = s.tiles_chase, s.po_tiles
        self.assertEqual(chase.state, "answered")
        self.assertEqual(purchase.order_line.date_planned.date(), date(2026, 3, 20))
        self.assertEqual(purchase.picking_ids.scheduled_date.date(), date(2026, 3, 20))
        self.assertEqual(
            purchase.order_line.adv_date_ids.sorted("id").mapped("kind")[-1], "revised"
        )
        self.assertFalse(self.my_day(self.adele, chase))  # answered: its follow-up is done
        impact = chase.impact_ids
        self.assertEqual(impact.sale_order_id, s.order)
        self.assertEqual((impact.qty_at_risk, impact.amount), (20.0, 9000.0))
        self.assertEqual((impact.date_due, impact.date_new), (date(2026, 3, 16), date(2026, 3, 20)))
        self.assertEqual(impact.delay_days, 4)

    def check_customer_warned(self, s):
        # The customer is told before they call, in French.
        notice = s.order.message_ids.filtered(
            lambda m: m.message_type == "comment" and "nouvelle date" in (m.subject or "")
        )
        self.assertEqual(len(notice), 1)
        self.assertIn("Un retard fournisseur", notice.body)
        self.assertIn("20/03/2026", notice.body)
        self.assertEqual(notice.author_id, self.adele.partner_id)
        self.assertTrue(s.tiles_impact.date_notified)

    def check_customer_calls(self, s):
        # Found by her mobile, in another format than the one captured at the show.
        self.assertEqual(s.call_found[0]["partner_id"], s.customer.id)
        sections = {section["key"]: section for section in s.call_screen["sections"]}
        tiles_line = s.order.order_line.filtered(lambda ln: ln.product_id == s.tiles)
        tiles = [
            line
            for row in sections["orders"]["rows"]
            for line in row["lines"]
            if line.get("sale_line_id") == tiles_line.id
        ]
        badges = [badge["text"] for badge in tiles[0]["badges"]]
        days = (s.tiles_impact.date_new - s.date(12)).days
        self.assertIn(f"At risk: expected D+{days}", badges)
        # The order status, e-mailed in French, and the call, on the customer's chatter.
        status = s.customer.message_ids.filtered(
            lambda m: m.message_type == "comment" and s.order.name in (m.body or "")
        )
        self.assertEqual(len(status), 1)
        self.assertIn("l'état de vos commandes", status.subject)
        call = self.chatter(s.customer, "statut envoyé par e-mail")
        self.assertEqual(len(call), 1)
        self.assertEqual(call.author_id, self.adele.partner_id)

    def check_tiles_delivered(self, s):
        self.assertEqual(s.po_tiles.picking_ids.state, "done")
        self.assertEqual((s.tiles_chase.state, s.tiles_chase.close_reason), ("closed", "resolved"))
        self.assertEqual(s.po_tiles.order_line.qty_received, 20)
        self.assertEqual(s.tiles_delivery.state, "done")
        invoice = s.tiles_invoice
        self.assertEqual(invoice.invoice_line_ids.product_id, s.tiles)
        self.assertEqual(invoice.amount_total, 10800.0)
        self.assertEqual(invoice.invoice_date_due, date(2026, 4, 19))
        self.assertEqual(s.order.invoice_status, "invoiced")

    def check_claim_opened(self, s):
        claim, invoice = s.claim, s.tiles_invoice
        self.assertEqual((claim.state, claim.partner_id), ("new", s.customer))
        self.assertEqual(claim.picking_id, s.tiles_delivery)
        self.assertEqual(claim.user_id, self.adele)
        self.assertEqual(claim.amount_claimed, 450.0)
        self.assertEqual(claim.responsible_party, "carrier")
        self.assertEqual(claim.date_delivered, date(2026, 3, 20))
        # adv_claims_dunning: the open claim suspends the dunning of the tiles invoice, as the
        # collector sees it on the invoice, for each of its receivables.
        self.assertIn(claim.name, invoice.with_user(self.collector).adv_dunning_suspension)
        self.assertEqual(set(self.suspensions(invoice)), set(self.receivables(invoice).ids))
        # adv_claims_supply_followup: the claim knows the supply delay behind its order.
        self.assertIn(s.tiles_chase, claim.sudo().adv_delay_chase_ids)
        # My Day: acknowledge it.
        ack = self.my_day(self.adele, claim)
        self.assertEqual(ack.activity_type_id, self.env.ref("adv_claims.mail_activity_claim_ack"))
        self.assertEqual(ack.adv_stake, 450.0)

    def check_claim_acknowledged(self, s):
        claim = s.claim
        answer = claim.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("Nous avons bien reçu votre réclamation", answer.body)
        self.assertIn(s.contact, answer.partner_ids)
        # The evidence gate: no qualification without photos, CMR and the reserve date.
        # (Odoo's assertRaises rolls the refused writes back, as the request would.)
        with self.assertRaises(UserError) as refusal:
            claim.write({"justified": "yes"})
            claim.action_qualify()
        self.assertIn("evidence: Photos", str(refusal.exception))
        self.assertIn("evidence: Delivery note with reserves", str(refusal.exception))
        with self.assertRaises(UserError) as refusal:
            claim.write(
                {
                    "justified": "yes",
                    "evidence_ids": [
                        Command.create({"kind_id": kind.id, "note": "received"})
                        for kind in self.env.ref("adv_claims.evidence_photos")
                        | self.env.ref("adv_claims.evidence_delivery_note")
                    ],
                }
            )
            claim.action_qualify()
        self.assertIn("the date reserves were sent", str(refusal.exception))
        self.assertEqual(claim.state, "new")

    def check_claim_qualified(self, s):
        claim = s.claim
        self.assertFalse(claim.reserve_late)
        self.assertEqual(claim.state, "qualified")
        self.assertFalse(claim.escalated)
        resolution = self.my_day(self.adele, claim)
        self.assertEqual(
            resolution.activity_type_id, self.env.ref("adv_claims.mail_activity_claim_resolution")
        )

    def check_credit_note_issued(self, s):
        # The remedy: a credit note for the broken pallet, within Adèle's 1 000.
        claim, remedy, refund = s.claim, s.remedy, s.refund
        self.assertEqual(claim.state, "proposed")
        self.assertEqual((remedy.remedy_type, remedy.amount), ("credit_note", 450.0))
        self.assertEqual(claim.amount_stake, 900.0)
        self.assertFalse(claim.escalated)
        self.assertEqual((remedy.state, remedy.done_by_id), ("done", self.adele))
        self.assertEqual((refund.move_type, refund.state), ("out_refund", "draft"))
        self.assertEqual(refund.reversed_entry_id, s.tiles_invoice)
        self.assertEqual(refund.amount_total, 540.0)
        self.assertTrue(self.chatter(claim, "carried out"))

    def check_credit_note_posted(self, s):
        # Posted as a reversal of the tiles invoice, it is set against it.
        self.assertEqual(s.refund.payment_state, "paid")
        self.assertEqual(s.tiles_invoice.amount_residual, 10260.0)
        self.assertEqual(s.tiles_invoice.payment_state, "partial")
        # Still being handled (the customer is to accept the credit note): still suspended.
        self.assertTrue(s.claim._adv_is_open())
        self.assertIn(s.claim.name, s.tiles_invoice.adv_dunning_suspension)
        self.assertEqual(
            set(self.suspensions(s.tiles_invoice)), set(self.receivables(s.tiles_invoice).ids)
        )
        self.assertFalse(s.refund.adv_dunning_suspension)

    def check_first_reminder(self, s):
        # 13 April: the glue invoice is 8 days overdue, the tiles invoice not due yet.
        first = self.env.ref("adv_dunning.level_reminder")
        notice = s.notice
        self.assertEqual((notice.state, notice.level_id), ("sent", first))
        self.assertEqual(notice.line_ids.move_id, s.glue_invoice)
        self.assertEqual(notice.amount_due, 1200.0)
        self.assertEqual(notice.email_state, "sent")
        reminder = notice.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("relance de paiement", reminder.subject)  # in the customer's language
        self.assertEqual(self.receivables(s.glue_invoice).adv_dunning_level_id, first)

    def check_second_order_held(self, s):
        self.assertEqual((s.order2.state, s.order2.adv_credit_state), ("draft", "blocked"))
        self.assertEqual(len(self.my_day(self.controller, s.order2)), 1)

    def check_call_due(self, s):
        # 6 May: the glue invoice is 31 days late (the call level), the tiles invoice 17 days
        # late but suspended by the open claim: skipped.
        call = self.env.ref("adv_dunning.level_call")
        notice, customer = s.notice, s.customer
        self.assertEqual(notice.level_id, call)
        self.assertEqual(notice.line_ids.move_id, s.glue_invoice)
        self.assertEqual(notice.totals, self.money(1200.0))
        self.assertFalse(self.receivables(s.tiles_invoice).adv_dunning_level_id)
        self.assertEqual(s.glue_invoice.adv_dunning_level_id, call)
        customer_c = customer.with_company(self.company).with_user(self.collector)
        self.assertEqual(customer_c.adv_dunning_level_id, call)
        self.assertTrue(self.chatter(customer, "Dunning notice Phone call"))
        # The salesperson is told to hold new commitments.
        told = notice.message_ids.filtered(lambda m: "reached the dunning level" in (m.body or ""))
        self.assertIn(self.salesman.partner_id, told.partner_ids)
        # The collector's My Day: the call, worth the glue invoice.
        call_todo = self.my_day(self.collector, notice)
        self.assertEqual(
            call_todo.activity_type_id, self.env.ref("adv_dunning.mail_activity_type_call")
        )
        self.assertEqual(call_todo.adv_stake, 1200.0)

    def check_skirting_chased(self, s):
        chase = s.skirting_chase
        self.assertEqual((chase.kind, chase.state, chase.days_late), ("late_receipt", "open", 3))
        self.assertEqual(len(self.my_day(self.adele, chase)), 1)

    def check_call_answered(self, s):
        self.assertEqual(s.notice.call_outcome, "promise")
        self.assertFalse(self.my_day(self.collector, s.notice))

    def check_glue_paid(self, s):
        self.assertIn(s.glue_invoice.payment_state, ("paid", "in_payment"))

    def check_claim_resolved(self, s):
        # The customer accepted the credit note: the claim is resolved, the suspension lifted.
        self.assertEqual(s.claim.state, "resolved")
        self.assertFalse(s.tiles_invoice.adv_dunning_suspension)
        self.assertFalse(self.suspensions(s.tiles_invoice))
        self.assertFalse(self.my_day(self.adele, s.claim))

    def check_tiles_paid_and_claim_closed(self, s):
        self.assertIn(s.tiles_invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(s.tiles_invoice.amount_residual, 0.0)
        self.assertEqual(s.claim.state, "closed")

    def check_nothing_to_dun(self, s):
        # 15 May: nothing left to dun; the promise was kept.
        customer = s.customer
        self.assertFalse(s.last_notice)
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
        self.assertEqual(s.notice.state, "sent")
        self.assertEqual((s.tiles_chase.state, s.tiles_chase.close_reason), ("closed", "resolved"))
        open_chases = (
            self.env["adv.supply.chase"]
            .with_user(self.adele)
            .search([("purchase_id", "=", s.po_tiles.id), ("state", "!=", "closed")])
        )
        self.assertFalse(open_chases)
        self.assertEqual(s.order.invoice_status, "invoiced")
        # Nobody's My Day holds anything of this story's first order any more.
        story_records = {
            ("sale.order", s.order.id),
            ("adv.claim", s.claim.id),
            ("adv.supply.chase", s.tiles_chase.id),
            ("adv.dunning.notice", s.notice.id),
            ("res.partner", customer.id),
        }
        for user in (self.salesman, self.controller, self.adv_manager, self.adele, self.collector):
            leftovers = self.my_day(user).filtered(
                lambda a: (a.res_model, a.res_id) in story_records
            )
            self.assertFalse(leftovers, user.name)
