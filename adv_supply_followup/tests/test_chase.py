# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import TODAY, SupplyCommon, day


@tagged("post_install", "-at_install")
class TestChaseGeneration(SupplyCommon):
    def generate(self, when=TODAY):
        with freeze_time(when):
            return self.Chase._generate()

    def confirm_at(self, when, **kwargs):
        with freeze_time(when):
            return self.make_purchase(**kwargs)

    def test_unacknowledged_order_is_chased_once_then_escalated(self):
        order = self.confirm_at(TODAY - timedelta(days=3), date_planned=day(20))
        chases = self.generate()
        chase = chases.filtered(lambda c: c.purchase_id == order)
        self.assertEqual(chase.kind, "ack")
        self.assertEqual(chase.level_id, self.env.ref("adv_supply_followup.level_ack_mail"))
        self.assertEqual((chase.partner_id, chase.user_id), (self.vendor, self.buyer))
        # The e-mail went to the vendor with the buyer in copy, and a follow-up is planned.
        mails = self.env["mail.mail"].search(
            [("model", "=", chase._name), ("res_id", "=", chase.id)]
        )
        # One e-mail: the vendor and the buyer (no activity notification besides).
        self.assertIn("acknowledge", mails.subject)
        # (mass mail turns the copy address into the buyer's partner among the recipients)
        self.assertEqual(mails.recipient_ids, self.vendor | self.buyer.partner_id)
        self.assertIn(mails.mail_message_id, chase.message_ids)
        self.assertEqual(
            chase.activity_ids.activity_type_id,
            self.env.ref("adv_supply_followup.mail_activity_type_chase_followup"),
        )
        # The cron run twice (the same day or the next) creates nothing more.
        self.assertFalse(self.generate())
        self.assertFalse(self.generate(TODAY + timedelta(days=1)))
        self.assertEqual(self.Chase.search_count([("purchase_id", "=", order.id)]), 1)
        # Five days after approval: the call level; the e-mail chase is closed as escalated.
        escalated = self.generate(TODAY + timedelta(days=2))
        self.assertEqual(escalated.level_id, self.env.ref("adv_supply_followup.level_ack_call"))
        self.assertTrue(escalated.escalation)
        self.assertEqual((chase.state, chase.close_reason), ("closed", "escalated"))
        self.assertEqual(
            escalated.activity_ids.activity_type_id,
            self.env.ref("adv_supply_followup.mail_activity_type_chase_call"),
        )

    def test_vendor_mail_in_their_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.vendor.lang = "fr_FR"
        self.confirm_at(TODAY - timedelta(days=3), date_planned=day(20))
        chase = self.generate()
        mails = self.env["mail.mail"].search(
            [("model", "=", chase._name), ("res_id", "=", chase.id)]
        )
        self.assertIn("merci de confirmer notre commande", mails.subject)
        self.assertIn("accusé de réception", mails.body_html)

    def test_late_receipt_mail_in_their_language_rendered_without_compiling(self):
        """The chase e-mails read plain field paths only: Odoo renders them without compiling
        the template per e-mail (the daily cron's batches), with the date in the vendor's
        language and the buyer as sender."""
        for name in ("ack", "due_soon", "late", "pod"):
            template = self.env.ref(f"adv_supply_followup.mail_template_chase_{name}")
            self.assertFalse(
                template._has_unsafe_expression_template_qweb(template.body_html, template.model)
            )
            for field in ("subject", "email_from", "partner_to", "email_cc", "lang"):
                self.assertFalse(
                    template._has_unsafe_expression_template_inline_template(
                        template[field], template.model
                    ),
                    field,
                )
        self.env["res.lang"]._activate_lang("fr_FR")
        self.vendor.lang = "fr_FR"
        order = self.confirm_at(TODAY - timedelta(days=10), date_planned=day(-2))
        order.mail_reception_confirmed = True
        chase = self.generate().filtered(lambda c: c.kind == "late_receipt")
        mail = self.env["mail.mail"].search(
            [("model", "=", chase._name), ("res_id", "=", chase.id)]
        )
        self.assertIn(f"{order.name} est en retard", mail.subject)
        self.assertIn(f"{chase.name}", mail.body_html)
        self.assertIn("28/02/2026", mail.body_html)  # day(-2), as the French read it
        self.assertIn(self.vendor.name, mail.body_html)
        self.assertEqual(mail.email_from, self.buyer.email_formatted)
        self.assertEqual(mail.recipient_ids, self.vendor | self.buyer.partner_id)

    def test_refusal_in_the_users_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.chaser.lang = "fr_FR"
        order = self.confirm_at(TODAY - timedelta(days=10), date_planned=day(-2))
        order.mail_reception_confirmed = True
        chase = self.generate().with_user(self.chaser).with_context(lang="fr_FR")
        with freeze_time(TODAY), self.assertRaisesRegex(ValidationError, "est passée"):
            chase._record_answer(date(2026, 3, 1), "hier")

    def test_vendor_portal_acknowledgement_answers_the_chase(self):
        order = self.confirm_at(TODAY - timedelta(days=3), date_planned=day(20))
        chase = self.generate()
        order._confirm_reception_mail()  # the vendor's portal link
        self.assertEqual(chase.state, "answered")
        self.assertFalse(chase.activity_ids)
        self.assertIn("confirmed", order.adv_date_ids.mapped("kind"))
        self.generate(TODAY + timedelta(days=3))
        self.assertEqual(chase.state, "closed")
        self.assertEqual(self.Chase.search_count([("purchase_id", "=", order.id)]), 1)

    def test_declined_order_counts_as_an_answer(self):
        order = self.confirm_at(TODAY - timedelta(days=3), date_planned=day(20))
        chase = self.generate()
        order._decline_reception_mail()
        self.assertEqual(chase.state, "answered")
        self.assertIn("declined", chase.answer_comment)
        self.assertFalse(self.generate(TODAY + timedelta(days=3)))

    def test_late_receipt_answer_moves_native_dates(self):
        order = self.confirm_at(TODAY - timedelta(days=10), date_planned=day(-2))
        order.mail_reception_confirmed = True
        chase = self.generate()
        self.assertEqual(chase.kind, "late_receipt")
        self.assertEqual(chase.picking_id, order.picking_ids)
        self.assertEqual(chase.days_late, 2)
        self.assertEqual(chase.amount, 1000.0)
        with freeze_time(TODAY):
            wizard = Form(
                self.env["adv.supply.chase.answer"]
                .with_user(self.chaser)
                .with_context(default_chase_id=chase.id)
            )
            wizard.date_promised = date(2026, 3, 9)
            wizard.comment = "Machine breakdown, shipping next Monday"
            wizard.save().action_record()
        self.assertEqual(chase.state, "answered")
        self.assertEqual(chase.answer_user_id, self.chaser)
        line = order.order_line
        self.assertEqual(line.date_planned.date(), date(2026, 3, 9))
        self.assertEqual(line.move_ids.date_deadline.date(), date(2026, 3, 9))
        self.assertEqual(order.picking_ids.scheduled_date.date(), date(2026, 3, 9))
        history = line.adv_date_ids.sorted("id")
        # Requested at confirmation, confirmed by the vendor, revised by the answer.
        self.assertEqual(history.mapped("kind"), ["requested", "confirmed", "revised"])
        self.assertEqual(history[2].previous_date.date(), date(2026, 2, 28))
        self.assertEqual(history[2].delay_days, 9)
        self.assertEqual(history[2].chase_id, chase)
        self.assertEqual(history[2].user_id, self.chaser)
        self.assertIn("Machine breakdown", history[2].reason)
        # While the promise holds, no new chase.
        self.assertFalse(self.generate(TODAY + timedelta(days=1)))
        # A broken promise: chased again.
        again = self.generate(TODAY + timedelta(days=9))
        self.assertEqual(again.kind, "late_receipt")
        self.assertEqual(chase.state, "answered")

    def test_late_value_in_company_currency(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        other = usd if self.company.currency_id != usd else self.env.ref("base.EUR")
        other.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": other.id,
                "name": "2026-01-01",
                "rate": 2.0,
                "company_id": self.company.id,
            }
        )
        self.env["res.currency.rate"].search(
            [("currency_id", "=", self.company.currency_id.id)]
        ).unlink()
        with freeze_time(TODAY - timedelta(days=10)):
            order = self.make_purchase(date_planned=day(-2), confirm=False)
            order.currency_id = other
            order.button_confirm()
        order.mail_reception_confirmed = True
        chase = self.generate()
        self.assertEqual(chase.amount, 500.0)  # 1 000 in a currency worth half

    def test_native_date_change_is_in_history(self):
        order = self.confirm_at(TODAY - timedelta(days=1), date_planned=day(5))
        order.order_line.with_user(self.buyer).date_planned = day(7)
        history = order.adv_date_ids.sorted("id")
        self.assertEqual(history.mapped("kind"), ["requested", "revised"])
        self.assertEqual(history[1].user_id, self.buyer)

    def test_receipt_due_soon_then_late(self):
        order = self.confirm_at(TODAY - timedelta(days=1), date_planned=day(2))
        order.mail_reception_confirmed = True
        soon = self.generate()
        self.assertEqual(soon.kind, "due_soon")
        late = self.generate(TODAY + timedelta(days=3))
        self.assertEqual(late.kind, "late_receipt")
        self.assertEqual(soon.state, "closed")

    def test_partial_receipt_backorder_is_chased(self):
        order = self.confirm_at(TODAY - timedelta(days=10), date_planned=day(-3))
        order.mail_reception_confirmed = True
        receipt = order.picking_ids
        receipt.move_ids.quantity = 40
        action = receipt.button_validate()
        Form(self.env[action["res_model"]].with_context(**action["context"])).save().process()
        backorder = order.picking_ids - receipt
        self.assertTrue(backorder)
        chase = self.generate()
        self.assertEqual(chase.picking_id, backorder)
        self.assertEqual(chase.amount, 600.0)

    def test_shipment_past_deadline_and_carrier_without_pod(self):
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 100
        )
        with freeze_time(TODAY - timedelta(days=5)):
            late = self.make_sale(10, day(-1))
            shipped = self.make_sale(5, day(-4), partner=self.customer2)
            picking = shipped.picking_ids
            picking.carrier_id = self.carrier
            picking.move_ids.quantity = 5
        with freeze_time(TODAY - timedelta(days=3)):
            picking.button_validate()
        chases = self.generate()
        shipment = chases.filtered(lambda c: c.kind == "late_shipment")
        self.assertEqual(shipment.picking_id, late.picking_ids)
        self.assertEqual(shipment.amount, 200.0)
        self.assertEqual(shipment.channel, "todo")
        self.assertTrue(shipment.activity_ids)
        pod = chases.filtered(lambda c: c.kind == "no_pod")
        self.assertEqual(pod.picking_id, picking)
        self.assertEqual(pod.partner_id, self.carrier_partner)
        pod_mail = self.env["mail.mail"].search(
            [("model", "=", pod._name), ("res_id", "=", pod.id)]
        )
        self.assertIn(self.carrier_partner, pod_mail.recipient_ids)
        # The carrier's proof: the delivery date closes the chase.
        with freeze_time(TODAY):
            with self.assertRaises(ValidationError):
                pod.with_user(self.chaser)._record_answer(date(2026, 3, 5), "tomorrow")
            pod.with_user(self.chaser)._record_answer(date(2026, 2, 27), "POD received")
        self.assertEqual(picking.adv_pod_date, date(2026, 2, 27))
        self.assertEqual(pod.state, "closed")
        self.assertFalse(self.generate().filtered(lambda c: c.kind == "no_pod"))

    def test_transit_time_per_country(self):
        spain = self.env.ref("base.es")
        self.carrier.adv_transit_ids = [Command.create({"country_id": spain.id, "transit_days": 5})]
        self.customer2.country_id = spain
        self.env["stock.quant"]._update_available_quantity(
            self.product, self.warehouse.lot_stock_id, 100
        )
        pickings = self.env["stock.picking"]
        with freeze_time(TODAY - timedelta(days=6)):
            for partner in (self.customer, self.customer2):
                sale = self.make_sale(5, day(-5), partner=partner)
                sale.picking_ids.carrier_id = self.carrier
                sale.picking_ids.move_ids.quantity = 5
                pickings |= sale.picking_ids
        with freeze_time(TODAY - timedelta(days=3)):
            pickings.button_validate()
        chased = self.generate().filtered(lambda c: c.kind == "no_pod").picking_id
        # France: 2 days of transit, chased; Spain: 5 days, not yet.
        self.assertEqual(chased.partner_id, self.customer)
        chased = self.generate(TODAY + timedelta(days=3)).filtered(lambda c: c.kind == "no_pod")
        self.assertIn(self.customer2, chased.picking_id.partner_id)

    def test_refusals(self):
        order = self.confirm_at(TODAY - timedelta(days=10), date_planned=day(-2))
        order.mail_reception_confirmed = True
        chase = self.generate().with_user(self.chaser)
        # An ADV user without the role reads the chase but may not answer it.
        with self.assertRaises(AccessError):
            chase.with_user(self.adv_user).write({"answer_comment": "x"})
        with freeze_time(TODAY):
            with self.assertRaises(ValidationError):
                chase._record_answer(date(2026, 3, 1), "yesterday")
            with self.assertRaises(UserError):
                chase._record_answer(False, False)
            chase.action_close()
            self.assertEqual(chase.state, "closed")
            with self.assertRaises(UserError):
                chase._record_answer(date(2026, 3, 10), "too late")
            with self.assertRaises(UserError):
                chase.action_record_answer()
            with self.assertRaises(UserError):
                chase.write({"date_promised": date(2026, 3, 10)})

    def test_one_open_chase_per_document_and_level_in_database(self):
        order = self.confirm_at(TODAY - timedelta(days=3), date_planned=day(20))
        chase = self.generate()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Chase.create(
                {
                    "name": "dup",
                    "kind": "ack",
                    "purchase_id": order.id,
                    "level_id": chase.level_id.id,
                }
            )

    def test_open_chase_hook_is_idempotent(self):
        order = self.make_purchase(date_planned=day(10))
        receipt = order.picking_ids
        first = self.Chase._adv_open_chase(receipt, "Back-charge: 2 crates broken")
        second = self.Chase._adv_open_chase(receipt, "Back-charge: 2 crates broken")
        self.assertEqual(first, second)
        self.assertEqual(
            (first.kind, first.state, first.purchase_id, first.partner_id),
            ("other", "open", order, self.vendor),
        )
        self.assertTrue(first.activity_ids)
        on_po = self.Chase._adv_open_chase(order, "Price dispute")
        self.assertNotEqual(on_po, first)
        with self.assertRaises(UserError):
            self.Chase._adv_open_chase(self.customer, "nonsense")


@tagged("post_install", "-at_install")
class TestChaseAccess(SupplyCommon):
    def test_access_and_companies(self):
        with freeze_time(TODAY - timedelta(days=3)):
            self.make_purchase(date_planned=day(20))
        with freeze_time(TODAY):
            chase = self.Chase._generate()
        self.assertTrue(chase)
        # Without an ADV right: nothing.
        with self.assertRaises(AccessError):
            self.Chase.with_user(self.internal_user).search([])
        # An ADV user reads; the supply follow-up role may answer.
        self.assertEqual(self.Chase.with_user(self.adv_user).search([("id", "=", chase.id)]), chase)
        # Another company's chase is invisible.
        other = self.env["res.company"].create({"name": "Other SAS"})
        self.chaser.write({"company_ids": [Command.link(other.id)]})
        foreign_po = self.env["purchase.order"].create(
            {"partner_id": self.vendor.id, "company_id": other.id}
        )
        foreign = self.Chase._adv_open_chase(foreign_po, "Other company")
        self.assertEqual(foreign.company_id, other)
        visible = (
            self.Chase.with_user(self.chaser)
            .with_context(allowed_company_ids=[self.company.id])
            .search([])
        )
        self.assertIn(chase, visible)
        self.assertNotIn(foreign, visible)

    def test_close_as_done_from_the_phone_card(self):
        """The worklist card closes a chase (Done) for the follow-up role only: an ADV user
        sees the card without the button and is refused by the server, an employee without an
        ADV right too; the chase stays open until the follow-up user closes it."""
        order = self.make_purchase(date_planned=day(10))
        chase = self.Chase._adv_open_chase(order.picking_ids, "The vendor warned of a delay")
        self.assertTrue(chase.activity_ids)
        kanban = self.env.ref("adv_supply_followup.adv_supply_chase_view_kanban")

        def card_buttons(user):
            arch = self.Chase.with_user(user).get_views([(kanban.id, "kanban")])["views"]
            card = etree.fromstring(arch["kanban"]["arch"])
            return card.xpath("//footer/button/@name")

        self.assertEqual(card_buttons(self.chaser), ["action_record_answer", "action_close"])
        self.assertNotIn("action_close", card_buttons(self.adv_user))
        for user in (self.adv_user, self.internal_user):
            with self.assertRaises(AccessError):
                chase.with_user(user).action_close()
            self.assertEqual(chase.state, "open", user.login)
            self.assertTrue(chase.activity_ids)
        chase.with_user(self.chaser).action_close()
        self.assertEqual((chase.state, chase.close_reason), ("closed", "resolved"))
        self.assertFalse(chase.activity_ids)  # the chase's activity is done with the chase
        self.assertIn("Closed by Sophie Suivi.", "".join(chase.message_ids.mapped("body")))
        with self.assertRaises(UserError):  # closing it again is refused clearly
            chase.with_user(self.chaser).action_close()

    def test_my_day_ranks_chases_by_stake(self):
        """The buyer's My Day, as the web client loads it, shows the chases by stake."""
        with freeze_time(TODAY - timedelta(days=10)):
            small = self.make_purchase(qty=10, date_planned=day(-2))
            big = self.make_purchase(qty=500, date_planned=day(-2))
        (small | big).mail_reception_confirmed = True
        with freeze_time(TODAY):
            self.Chase._generate()
        action = self.env.ref("adv_base.my_day_action")
        Activity = self.env["mail.activity"].with_user(self.buyer)
        views = Activity.get_views([(self.env.ref("adv_base.my_day_view_list").id, "list")])
        order = etree.fromstring(views["views"]["list"]["arch"]).get("default_order")
        day_items = Activity.search(safe_eval(action.domain, {"uid": self.buyer.id}), order=order)
        chases = self.Chase.browse(day_items.mapped("res_id"))
        self.assertEqual(chases.mapped("purchase_id"), big | small)
        self.assertEqual(day_items.mapped("adv_stake"), [5000.0, 100.0])
        # The vendor to chase, and the reason, in My Day's columns.
        self.assertEqual(day_items.mapped("adv_partner_id"), chases.mapped("partner_id"))
        self.assertTrue(all(day_items.mapped("adv_reason")))
        self.assertEqual(day_items.mapped("adv_source"), ["Supply chase", "Supply chase"])
