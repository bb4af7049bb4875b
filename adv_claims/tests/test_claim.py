# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.adv_base.tests.common import render_xlsx

from ..tools.holidays import easter_sunday, french_public_holidays, reserve_deadline
from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestHolidays(ClaimsCommon):
    def test_easter_and_public_holidays(self):
        self.assertEqual(easter_sunday(2025), datetime.date(2025, 4, 20))
        self.assertEqual(easter_sunday(2026), datetime.date(2026, 4, 5))
        holidays = french_public_holidays(2026)
        self.assertEqual(len(holidays), 11)
        for day in ("2026-04-06", "2026-05-14", "2026-05-25", "2026-07-14", "2026-12-25"):
            self.assertIn(datetime.date.fromisoformat(day), holidays)

    def test_reserve_deadline_skips_public_holidays(self):
        # Thursday 30 April 2026: 1 May and 8 May... 1 May is not counted.
        self.assertEqual(reserve_deadline(datetime.date(2026, 4, 30)), datetime.date(2026, 5, 4))
        # Over the new year: 1 January not counted.
        self.assertEqual(reserve_deadline(datetime.date(2025, 12, 30)), datetime.date(2026, 1, 3))
        # An ordinary week.
        self.assertEqual(reserve_deadline(datetime.date(2026, 3, 2)), datetime.date(2026, 3, 5))


@tagged("post_install", "-at_install")
class TestClaim(ClaimsCommon):
    def test_reference_and_acknowledgement_activity(self):
        with freeze_time("2026-03-02 09:00:00"):
            claim = self.make_claim(channel="phone")
        self.assertTrue(claim.name.startswith("CLM/"))
        self.assertEqual(claim.state, "new")
        self.assertEqual(claim.user_id, self.handler)
        activity = claim.activity_ids
        self.assertEqual(
            activity.activity_type_id, self.env.ref("adv_claims.mail_activity_claim_ack")
        )
        self.assertEqual(activity.user_id, self.handler)
        self.assertEqual(activity.date_deadline, datetime.date(2026, 3, 3))

    def test_deadlines_follow_a_change_of_severity(self):
        with freeze_time("2026-03-02 09:00:00"):
            claim = self.make_claim(type_id=self.claim_type_damage.id, severity="normal")
            self.assertEqual(claim.activity_ids.date_deadline, datetime.date(2026, 3, 3))
            claim.severity = "critical"  # acknowledge the same day, resolve within 2 days
            ack = claim.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_ack")
            )
            self.assertEqual(ack.date_deadline, datetime.date(2026, 3, 2))
            self.assertEqual(claim.resolution_deadline, datetime.datetime(2026, 3, 4, 9, 0))
            self.assertTrue(claim.escalated)

    def test_claim_by_rpc_on_a_contacts_order_names_the_company(self):
        """A claim created by code or RPC on a document placed by a contact: the customer is the
        contact's company, the contact is kept as the claim's contact."""
        self.order.partner_id = self.customer_contact
        claim = (
            self.env["adv.claim"]
            .with_user(self.handler)
            .create({"subject": "By RPC", "sale_order_id": self.order.id})
        )
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.contact_id, self.customer_contact)

    def test_documents_changed_hook_once_per_call_with_all_the_claims(self):
        """Glue addons learn of the documents of new claims and of their changes through one
        call of ``_adv_documents_changed`` per create or write, with all the claims concerned."""
        Claim = self.env["adv.claim"].with_user(self.handler)
        with patch.object(type(Claim), "_adv_documents_changed", autospec=True) as hook:
            claims = Claim.create(
                [
                    {"subject": "On the order", "sale_order_id": self.order.id},
                    {"subject": "On nothing yet", "partner_id": self.customer.id},
                ]
            )
            self.assertEqual([call.args[0] for call in hook.call_args_list], [claims])
            claims.write({"subject": "No document changes", "severity": "high"})
            self.assertEqual(hook.call_count, 1)
            claims.write({"invoice_id": self.invoice.id})
            self.assertEqual(hook.call_count, 2)
            self.assertEqual(hook.call_args.args[0], claims)

    def test_kanban_quick_create_of_a_phone_call(self):
        """The kanban's quick create (a call taken in the New column, on a phone too) makes a
        valid claim with its reference, handler and acknowledgement activity."""
        kanban = etree.fromstring(self.env.ref("adv_claims.adv_claim_view_kanban").arch)
        quick_view = "adv_claims.adv_claim_view_form_quick"
        self.assertEqual(kanban.get("quick_create_view"), quick_view)
        with freeze_time("2026-03-02 09:00:00"):
            # the column of the state "new" gives its value as a default, as the web client does
            form = Form(
                self.env["adv.claim"].with_user(self.handler).with_context(default_state="new"),
                view=quick_view,
            )
            form.partner_id = self.customer
            form.subject = "On the phone: two pallets missing"
            self.assertEqual(form.channel, "phone")
            claim = form.save()
        self.assertTrue(claim.name.startswith("CLM/"))
        self.assertEqual(
            (claim.state, claim.partner_id, claim.user_id, claim.company_id, claim.channel),
            ("new", self.customer, self.handler, self.company, "phone"),
        )
        self.assertEqual(claim.date_claim, datetime.datetime(2026, 3, 2, 9, 0))
        ack = claim.activity_ids
        self.assertEqual(ack.activity_type_id, self.env.ref("adv_claims.mail_activity_claim_ack"))
        self.assertEqual(ack.user_id, self.handler)
        self.assertEqual(ack.date_deadline, datetime.date(2026, 3, 3))
        self.assertIn(claim, self.env["adv.claim"].with_user(self.handler).search([]))

    def test_entry_points_from_documents(self):
        for document, field in (
            (self.order, "sale_order_id"),
            (self.delivery, "picking_id"),
            (self.invoice, "invoice_id"),
        ):
            action = document.with_user(self.handler).action_new_adv_claim()
            form = Form(
                self.env["adv.claim"].with_user(self.handler).with_context(**action["context"])
            )
            form.subject = "From the document"
            claim = form.save()
            self.assertEqual(claim[field], document)
            self.assertEqual(claim.partner_id, self.customer)
            document.invalidate_recordset(["adv_claim_count"])
            self.assertEqual(document.with_user(self.handler).adv_claim_count, 1)
            self.assertEqual(self.env["adv.claim"].search(action["domain"]), claim)
        self.customer.invalidate_recordset(["adv_claim_count"])
        self.assertEqual(self.customer.with_user(self.handler).adv_claim_count, 3)
        self.assertEqual(self.customer_contact.with_user(self.handler).adv_claim_count, 3)
        # 3 claims for 1 delivered order line (the tiles; the service is not delivered).
        self.assertAlmostEqual(self.customer.with_user(self.handler).adv_claim_rate, 300.0)

    def test_suggested_lines_from_the_invoice_and_recent_documents(self):
        claim = self.make_claim(invoice_id=self.invoice.id)
        claim.action_suggest_lines()
        self.assertEqual(
            sorted(claim.line_ids.mapped(lambda l: (l.product_id.name, l.quantity, l.amount))),
            [("Consulting day", 2.0, 800.0), ("Pallet of tiles", 10.0, 500.0)],
        )
        self.assertEqual(claim.line_ids.invoice_line_id, self.invoice.invoice_line_ids)
        # Without a document: the customer's recent invoices, and delivered moves not invoiced.
        _order2, delivery2, __ = self.make_sold_delivered_invoiced(self.customer, tiles=3.0)
        claim2 = self.make_claim()
        queries_before = self.env.cr.sql_log_count
        values = claim2._get_suggested_line_values()
        self.assertLess(self.env.cr.sql_log_count - queries_before, 15)
        # The first invoice is claimed whole by ``claim``: only the second one is left.
        self.assertEqual(len(values), 2)
        self.assertEqual(
            {v["invoice_line_id"] for v in values}, set(_order2.invoice_ids.invoice_line_ids.ids)
        )
        by_picking = self.make_claim(picking_id=delivery2.id)
        by_picking.action_suggest_lines()
        self.assertEqual(by_picking.line_ids.move_id, delivery2.move_ids)
        self.assertEqual(by_picking.line_ids.quantity, 3.0)
        self.assertEqual(by_picking.line_ids.price_unit, 50.0)

    def assert_claimed_line_refused(self, line, message, **values):
        """Creating a claim on ``line`` (the values of a claimed line) fails saying ``message``."""
        with self.assertRaises(ValidationError) as cm:
            self.make_claim(line_ids=[Command.create(line)], **values)
        self.assertIn(message, str(cm.exception))

    def test_claimed_quantity_cannot_exceed_delivered_or_invoiced(self):
        self.assert_claimed_line_refused(
            {"invoice_line_id": self.tile_invoice_line.id, "quantity": 11},
            "11.0 claimed but only 10.0",
        )
        self.assert_claimed_line_refused(
            {"move_id": self.tile_move.id, "quantity": 12}, "only 10.0 delivered"
        )
        # Two claims on the same line together cannot exceed it either.
        self.make_claim(
            line_ids=[Command.create({"sale_line_id": self.tile_line.id, "quantity": 6})]
        )
        self.assert_claimed_line_refused(
            {"sale_line_id": self.tile_line.id, "quantity": 5}, "10.0 delivered"
        )
        self.assert_claimed_line_refused(
            {"move_id": self.tile_move.id, "quantity": 0}, "must be positive"
        )
        # That a refusal keeps what was saved: test_refusal_kept (committed data).

    def test_lines_of_another_customer_or_company_are_refused(self):
        self.assert_claimed_line_refused(
            {"move_id": self.tile_move.id, "quantity": 1},
            "was not sold to Martin SA",
            partner_id=self.other_customer.id,
        )
        with self.assertRaises(UserError) as cm:
            self.make_claim(partner_id=self.other_customer.id, sale_order_id=self.order.id)
        self.assertIn("is not a document of the customer", str(cm.exception))
        other = self.setup_other_company()["company"]
        with self.assertRaises(UserError) as cm:
            self.env["adv.claim"].create(
                {
                    "partner_id": self.customer.id,
                    "subject": "Wrong company",
                    "company_id": other.id,
                    "sale_order_id": self.order.id,
                }
            )
        self.assertRegex(str(cm.exception), "belong to different companies|Incompatible companies")

    def test_transitions(self):
        claim = self.make_claim()
        with self.assertRaises(UserError) as cm:
            claim.action_resolve()
        self.assertIn("cannot go from New to Resolved", str(cm.exception))
        with self.assertRaises(UserError) as cm:
            self.make_claim(state="qualified")
        self.assertIn("starts as New", str(cm.exception))
        claim.action_wait()
        claim.action_reject()
        with self.assertRaises(UserError) as cm:
            claim.write({"state": "proposed"})
        self.assertIn("cannot go from Rejected to Solution proposed", str(cm.exception))
        claim.action_close()
        with self.assertRaises(UserError) as cm:
            claim.write({"state": "new"})
        self.assertIn("cannot go from Closed to New", str(cm.exception))

    def test_evidence_blocks_qualification(self):
        claim = self.make_claim(
            type_id=self.claim_type_quality.id,
            justified="yes",
            line_ids=[
                Command.create({"invoice_line_id": self.tile_invoice_line.id, "quantity": 2})
            ],
        )
        self.assertEqual(claim.responsible_party, "supplier")  # the type's default
        with self.assertRaises(UserError) as cm:
            claim.action_qualify()
        self.assertIn("evidence: Photos, evidence: Sample or batch number", str(cm.exception))
        # The form's checklist says the same before any click.
        self.assertIn("evidence: Photos", claim.qualification_todo)
        # Nor through a plain write (RPC). The stage and data kept: test_refusal_kept.
        with self.assertRaises(UserError) as cm:
            claim.write({"state": "qualified"})
        self.assertIn("cannot be qualified", str(cm.exception))
        claim.evidence_ids = [
            Command.create({"kind_id": self.env.ref("adv_claims.evidence_photos").id, "note": "x"}),
            Command.create({"kind_id": self.env.ref("adv_claims.evidence_sample").id, "note": "y"}),
        ]
        claim.action_qualify()
        self.assertEqual(claim.state, "qualified")
        resolution = claim.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_resolution")
            )
        )
        self.assertEqual(resolution.user_id, self.handler)
        with self.assertRaises(ValidationError) as cm:
            claim.evidence_ids = [
                Command.create({"kind_id": self.env.ref("adv_claims.evidence_photos").id})
            ]
        self.assertIn("needs a file or a note", str(cm.exception))

    def test_unqualified_fields_block_qualification(self):
        claim = self.make_claim()
        with self.assertRaises(UserError) as cm:
            claim.action_qualify()
        self.assertIn("cannot be qualified; missing: the claim type", str(cm.exception))
        self.assertIn("whether it is justified", str(cm.exception))

    def test_carrier_reserve_late_flag(self):
        photos = self.env.ref("adv_claims.evidence_photos")
        note = self.env.ref("adv_claims.evidence_delivery_note")
        with freeze_time("2026-05-05 10:00:00"):
            claim = self.make_claim(
                type_id=self.claim_type_damage.id,
                picking_id=self.delivery.id,
                justified="yes",
                line_ids=[Command.create({"move_id": self.tile_move.id, "quantity": 3})],
                evidence_ids=[
                    Command.create({"kind_id": photos.id, "note": "photos"}),
                    Command.create({"kind_id": note.id, "note": "CMR with reserves"}),
                ],
            )
            claim.date_delivered = "2026-04-30"  # a Thursday; 1 May is a public holiday
            self.assertEqual(claim.reserve_deadline, datetime.date(2026, 5, 4))
            with self.assertRaises(UserError) as cm:
                claim.action_qualify()
            self.assertIn("date reserves were sent", str(cm.exception))
            claim.date_reserve = "2026-05-04"
            self.assertFalse(claim.reserve_late)
            claim.date_reserve = "2026-05-05"
            self.assertTrue(claim.reserve_late)
            self.assertIn(claim, self.env["adv.claim"].search([("reserve_late", "=", True)]))
            claim.action_qualify()  # late, but flagged, not refused
            self.assertEqual(claim.responsible_party, "carrier")

    def test_stake_is_claimed_lines_plus_remedy_cost(self):
        claim = self.make_qualifiable_claim(quantity=4)
        self.assertEqual(claim.amount_claimed, 200.0)
        claim.action_qualify()
        self.make_remedy(claim, "gesture", amount=30.0)
        self.make_remedy(claim, "back_charge", amount=90.0, partner_id=self.carrier_partner.id)
        self.assertEqual(claim.amount_remedy, 30.0)  # a back-charge recovers, it costs nothing
        self.assertEqual(claim.amount_stake, 230.0)

    def test_deadlines_per_type_and_severity_and_late_claims(self):
        with freeze_time("2026-03-02 09:00:00"):
            claim = self.make_claim(type_id=self.claim_type_damage.id, severity="high")
            self.assertEqual(claim.ack_deadline, datetime.datetime(2026, 3, 3, 9, 0))
            self.assertEqual(claim.resolution_deadline, datetime.datetime(2026, 3, 7, 9, 0))
            on_time = self.make_claim(type_id=self.claim_type_damage.id, severity="normal")
            self.assertEqual(on_time.resolution_deadline, datetime.datetime(2026, 3, 12, 9, 0))
        with freeze_time("2026-03-04 09:00:00"):
            # Not acknowledged in time: late.
            claims = claim | on_time
            self.assertEqual(claims.mapped("is_late"), [True, True])
            on_time.action_acknowledge()
            claims.invalidate_recordset(["is_late"])
            self.assertEqual(claims.mapped("is_late"), [True, False])
            Claim = self.env["adv.claim"]
            self.assertEqual(
                Claim.search([("id", "in", claims.ids), ("is_late", "=", True)]), claim
            )
            self.assertEqual(
                Claim.search([("id", "in", claims.ids), ("is_late", "=", False)]), on_time
            )
            # The "Late" filter of the list.
            search_view = etree.fromstring(
                Claim.get_views([(False, "search")])["views"]["search"]["arch"]
            )
            late_filter = search_view.xpath("//filter[@name='late']")[0]
            domain = safe_eval(late_filter.get("domain"))
            self.assertEqual(Claim.search([("id", "in", claims.ids)] + domain), claim)
        with freeze_time("2026-03-08 09:00:00"):
            claim.action_acknowledge()
            claim.invalidate_recordset(["is_late"])
            self.assertTrue(claim.is_late)  # resolution deadline passed

    def test_answer_email_uses_the_answer_template(self):
        claim = self.make_claim()
        action = claim.action_send_answer()
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertEqual(
            action["context"]["default_template_id"],
            self.env.ref("adv_claims.mail_template_claim_answer").id,
        )

    def test_acknowledgement_email_in_the_customer_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.customer_contact.lang = "fr_FR"
        claim = self.make_claim(contact_id=self.customer_contact.id)
        claim.with_context(tracking_disable=False).action_acknowledge()
        self.assertTrue(claim.date_ack)
        message = claim.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(claim.name, message.subject)
        self.assertIn("Nous avons bien reçu votre réclamation", message.body)
        self.assertIn("est enregistrée", message.subject)
        self.assertIn(self.customer_contact, message.partner_ids)
        self.assertFalse(
            claim.activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_ack")
            )
        )

    def test_escalation_when_critical(self):
        claim = self.make_claim(severity="critical")
        self.assertTrue(claim.escalated)
        self.assertEqual(claim.escalation_reason, "critical severity")
        escalation = claim.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_escalation")
            )
        )
        self.assertIn(self.sales_manager, escalation.user_id)
        message = claim.message_ids.filtered(lambda m: "escalated" in (m.body or ""))
        self.assertIn(self.sales_manager.partner_id, message.partner_ids)

    def test_escalation_when_stake_exceeds_delegation(self):
        claim = self.make_qualifiable_claim(quantity=4)  # 200 within the handler's 1 000
        self.assertFalse(claim.escalated)
        claim.line_ids = [
            Command.create(
                {
                    "invoice_line_id": self.invoice.invoice_line_ids.filtered(
                        lambda l: l.product_id == self.service
                    ).id,
                    "quantity": 2,
                }
            )
        ]  # + 800 = 1 000
        self.assertFalse(claim.escalated)
        claim.line_ids[0].quantity = 5  # 1 050
        self.assertTrue(claim.escalated)
        self.assertIn("above the handler's delegation", claim.escalation_reason)
        self.assertIn(
            self.sales_manager,
            claim.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_escalation")
                )
            ).user_id,
        )

    def test_my_day_shows_claims_with_their_stake(self):
        claim = self.make_qualifiable_claim(quantity=4)
        action = self.env.ref("adv_base.my_day_action")
        Activity = self.env["mail.activity"].with_user(self.handler)
        domain = safe_eval(action.domain, {"uid": self.handler.id})
        day = Activity.search(domain + [("res_model", "=", "adv.claim"), ("res_id", "=", claim.id)])
        self.assertEqual(day.mapped("adv_stake"), [200.0])
        # The customer and the reason, in My Day's columns.
        self.assertEqual(day.adv_partner_id, claim.partner_id)
        self.assertEqual(day.adv_reason, day.summary or day.activity_type_id.name)
        self.assertTrue(day.adv_reason)
        claim.line_ids.quantity = 6
        day.invalidate_recordset(["adv_stake"])
        self.assertEqual(day.mapped("adv_stake"), [300.0])
        self.assertTrue(claim._adv_is_open())
        claim.action_reject()
        self.assertFalse(claim._adv_is_open())
        self.assertFalse(Activity.search(domain + [("res_model", "=", "adv.claim")]))

    def test_claim_by_email_alias(self):
        domain = self.env["mail.alias.domain"].create({"name": "claims.example"})
        self.claim_type_damage.alias_id.write(
            {"alias_domain_id": domain.id, "alias_contact": "everyone"}
        )
        alias = self.claim_type_damage.alias_id
        self.assertEqual(alias.alias_model_id.model, "adv.claim")
        msg = (
            "From: Jeanne Dupont <jeanne@dupont.example>\r\n"
            "To: claims-damage@claims.example\r\n"
            "Subject: Pallets arrived crushed\r\n"
            "Message-ID: <claim-1@dupont.example>\r\n"
            "Content-Type: text/plain\r\n\r\n"
            "Two pallets were crushed on arrival.\r\n"
        )
        thread_id = self.env["mail.thread"].message_process(False, msg)
        claim = self.env["adv.claim"].browse(thread_id)
        self.assertEqual(claim.subject, "Pallets arrived crushed")
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.contact_id, self.customer_contact)
        self.assertEqual(claim.channel, "email")
        self.assertEqual(claim.type_id, self.claim_type_damage)
        self.assertIn("crushed on arrival", claim.description)


@tagged("post_install", "-at_install")
class TestAnalysis(ClaimsCommon):
    def test_pareto_by_cause_with_cumulative_share_and_80_cut(self):
        Claim = self.env["adv.claim"]
        damage, quality, admin = (
            self.claim_type_damage,
            self.claim_type_quality,
            self.claim_type_admin,
        )
        for claim_type, amount in ((damage, 700.0), (quality, 200.0), (admin, 100.0)):
            self.make_claim(
                type_id=claim_type.id,
                line_ids=[
                    Command.create(
                        {"move_id": self.tile_move.id, "quantity": 1, "price_unit": amount}
                    )
                ],
            )
        domain = [("company_id", "=", self.company.id)]
        rows = Claim._adv_pareto("type_id", domain)
        self.assertEqual(
            [
                (group, value, count, cumulative, cut)
                for group, value, count, cumulative, cut in rows
            ],
            [
                (damage, 700.0, 1, 70.0, True),
                (quality, 200.0, 1, 90.0, True),
                (admin, 100.0, 1, 100.0, False),
            ],
        )
        by_party = Claim._adv_pareto("responsible_party", domain)
        self.assertEqual(by_party[0][:2], ("carrier", 700.0))

    def test_register_workbook_with_pareto_charts(self):
        claim = self.make_qualifiable_claim(quantity=4)
        book = render_xlsx(
            self, "adv_claims.action_report_claim_register_xlsx", claim, self.handler
        )
        sheets = book.part("xl/workbook.xml")
        self.assertIn("xl/charts/chart1.xml", book.names)
        self.assertIn(claim.name, book.strings)
        self.assertIn("Quality defect", book.strings)
        self.assertIn("Pareto Cause", sheets)
        self.assertIn("Indicators", sheets)

    def test_refusal_in_the_user_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.handler.lang = "fr_FR"
        claim = self.make_claim()
        with self.assertRaises(UserError) as cm:
            claim.with_user(self.handler).with_context(lang="fr_FR").action_resolve()
        self.assertIn("ne peut pas passer de Nouvelle à Résolue", str(cm.exception))
