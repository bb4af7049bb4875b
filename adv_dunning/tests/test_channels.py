# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import csv
import io

from freezegun import freeze_time
from markupsafe import escape

from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from .common import DunningCommon


@tagged("post_install", "-at_install")
class TestDunningChannels(DunningCommon):
    """What a notice does when it is sent, level by level: e-mail, letter, call, formal
    notice, litigation file, notifications; and the fallback when the e-mail cannot reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.customer.write({"email": "compta@martin-materiaux.example", "lang": "en_US"})
        cls.company.write({"email": "adv@example.com", "city": "Lyon"})

    def activities(self, notice, xmlid):
        kind = self.env.ref(xmlid)
        return notice.activity_ids.filtered(lambda a: a.activity_type_id == kind)

    def html(self, report, notice):
        content, __ = self.env["ir.actions.report"]._render_qweb_html(report, notice.ids)
        return content.decode()

    # e-mail ----------------------------------------------------------

    def test_email_from_the_level_template_with_invoices_and_statement(self):
        invoice = self.invoice(1000.0, "2026-03-20")
        with freeze_time("2026-04-05"):  # 16 days: second reminder (e-mail + letter, attach)
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Second reminder")
        self.assertEqual(notice.email_state, "sent")
        message = notice.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(self.customer, message.partner_ids)
        self.assertIn("second payment reminder", message.subject)
        self.assertIn(invoice.name, str(message.body))
        names = message.attachment_ids.mapped("name")
        self.assertTrue(any(n.startswith("Invoices") for n in names), names)
        self.assertTrue(any(n.startswith("Statement of account") for n in names), names)
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        self.assertTrue(mail)
        self.assertTrue(notice.letter_attachment_id)  # the level also prints a letter

    def test_email_in_the_customers_language(self):
        self.customer.lang = "fr_FR"
        self.invoice(1000.0, "2026-03-25")
        with freeze_time("2026-04-05"):  # first reminder: e-mail only
            notice = self.dun().notice_ids
        message = notice.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn("relance", message.subject)
        self.assertIn("Sauf erreur de notre part", str(message.body))

    def test_no_email_address_falls_back_to_a_letter_and_an_activity(self):
        self.customer.email = False
        self.invoice(1000.0, "2026-03-25")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        self.assertEqual(notice.email_state, "failed")
        self.assertIn("no valid e-mail", notice.email_failure)
        self.assertTrue(notice.letter_attachment_id)
        self.assertTrue(self.activities(notice, "adv_dunning.mail_activity_type_letter"))
        self.assertEqual(notice.state, "sent")

    def test_blacklisted_address_falls_back(self):
        self.env["mail.blacklist"].sudo()._add(self.customer.email)
        self.invoice(1000.0, "2026-03-25")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        self.assertEqual(notice.email_state, "failed")
        self.assertIn("blacklisted", notice.email_failure)
        self.assertTrue(self.activities(notice, "adv_dunning.mail_activity_type_letter"))

    def test_bounce_and_smtp_failure_fall_back(self):
        self.invoice(1000.0, "2026-03-25")
        self.invoice(500.0, "2026-03-25", partner=self.customer_2)
        self.customer_2.email = "ap@bois-cie.example"
        with freeze_time("2026-04-05"):
            notices = self.dun().notice_ids
        bounced = notices.filtered(lambda n: n.partner_id == self.customer)
        refused = notices - bounced
        self.assertEqual(notices.mapped("email_state"), ["sent", "sent"])
        bounced._message_receive_bounce(self.customer.email, self.customer)
        self.assertEqual(bounced.email_state, "failed")
        self.assertTrue(bounced.letter_attachment_id)
        self.assertIn("bounced", bounced.email_failure)
        mail = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", refused._name), ("res_id", "=", refused.id)])
        )
        mail._postprocess_sent_message(
            success_pids=[], failure_reason="550 mailbox unavailable", failure_type="mail_smtp"
        )
        self.assertEqual(refused.email_state, "failed")
        self.assertEqual(refused.email_failure, "550 mailbox unavailable")
        self.assertTrue(self.activities(refused, "adv_dunning.mail_activity_type_letter"))
        self.assertIn("letter replaces it", refused.message_ids[0].body)

    # letters -----------------------------------------------------------

    def assertWordedAsTheInvoices(self, html, notice):
        """The letter words its penalties with the invoices' payment mentions, in the
        customer's language (the same function, so the same rate and indemnity)."""
        mentions = notice.partner_id._adv_payment_mentions(notice.company_id, notice.date_sent)
        self.assertIn(str(escape(mentions.penalties)), html)
        self.assertIn(str(escape(mentions.indemnity)), html)
        return mentions

    def test_letter_renders_in_english_and_french(self):
        self.invoice(1000.0, "2026-03-20")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
        english = self.html("adv_dunning.report_letter", notice)
        self.assertIn("Dear Sir or Madam", english)
        mentions = self.assertWordedAsTheInvoices(english, notice)
        self.assertIn("L441-10", mentions.penalties)
        self.assertIn("recovery costs", mentions.indemnity)
        self.customer.lang = "fr_FR"
        french = self.html("adv_dunning.report_letter", notice)
        self.assertIn("Madame, Monsieur", french)
        mentions = self.assertWordedAsTheInvoices(french, notice)
        self.assertIn("Pénalités de retard", mentions.penalties)
        self.assertIn("40,00", mentions.indemnity)

    def test_formal_notice_quotes_the_rate_and_the_indemnity(self):
        self.invoice(1000.0, "2026-02-15")
        with freeze_time("2026-04-05"):  # 49 days: formal notice
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Formal notice")
        self.assertTrue(notice.formal_notice_attachment_id)
        self.assertEqual(notice.penalty_rate, 12.15)  # ECB 2.15 + 10 points, H1 2026
        registered = self.activities(notice, "adv_dunning.mail_activity_type_registered_letter")
        self.assertTrue(registered)
        english = self.html("adv_dunning.report_formal_notice", notice)
        self.assertIn("formal notice to pay", english)
        mentions = self.assertWordedAsTheInvoices(english, notice)
        self.assertIn("12.15 %", mentions.penalties)  # the notice's own penalty rate
        self.assertIn("D441-5", mentions.indemnity)
        self.customer.lang = "fr_FR"
        french = self.html("adv_dunning.report_formal_notice", notice)
        self.assertIn("mettons en demeure", french)
        mentions = self.assertWordedAsTheInvoices(french, notice)
        self.assertIn("12,15 %", mentions.penalties)
        self.assertIn("Indemnité forfaitaire pour frais de recouvrement", mentions.indemnity)
        # the registered letter is posted: its number is recorded, the activity is done
        notice.with_user(self.collector).tracking_number = "1A 234 567 8901 2"
        self.assertFalse(registered.exists())
        self.assertIn("1A 234 567 8901 2", self.html("adv_dunning.report_formal_notice", notice))

    def test_statement_of_account(self):
        invoice = self.invoice(1000.0, "2026-03-20")
        self.invoice(250.0, "2026-05-20")
        with freeze_time("2026-04-05"):
            self.dun()
            content, __ = self.env["ir.actions.report"]._render_qweb_html(
                "adv_dunning.action_report_statement", self.customer.ids
            )
            statement = self.customer._adv_statement()
        self.assertIn(invoice.name, content.decode())
        self.assertIn("Second reminder", content.decode())
        self.assertEqual(statement["overdue"], 1000.0)
        self.assertEqual(statement["total"], 1250.0)

    # calls -------------------------------------------------------------

    def test_call_with_script_then_a_promise(self):
        self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-04-05"):  # 35 days: phone call
            notice = self.dun().notice_ids
            call = self.activities(notice, "adv_dunning.mail_activity_type_call")
            self.assertEqual(call.user_id, self.collector)  # who ran it
            self.assertIn("payment promise", str(call.note))
            calls = self.env["adv.dunning.notice"].with_user(self.collector)
            self.assertEqual(calls.search([("adv_call_due", "=", True)]), notice)
            wizard = Form(
                self.env["adv.dunning.call.outcome"]
                .with_user(self.collector)
                .with_context(default_notice_id=notice.id)
            )
            wizard.outcome = "promise"
            self.assertEqual(wizard.promise_amount, 1000.0)
            wizard.promise_date = "2026-04-15"
            wizard.note = "Transfer on the 15th"
            wizard.save().action_record()
            self.assertFalse(calls.search([("adv_call_due", "=", True)]))
        promise = (
            self.env["adv.dunning.promise"].sudo().search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual((promise.amount, str(promise.date)), (1000.0, "2026-04-15"))
        self.assertEqual(notice.call_outcome, "promise")
        self.assertFalse(call.exists())
        self.assertIn("Promise", notice.message_ids[0].body)

    def test_call_refusals_no_answer_and_dispute(self):
        invoice = self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
            as_collector = notice.with_user(self.collector)
            with self.assertRaises(UserError):
                as_collector._record_call_outcome("promise", promise_amount=100.0)
            with self.assertRaises(UserError):
                as_collector._record_call_outcome(
                    "promise", promise_amount=100.0, promise_date=notice.date_sent.replace(day=1)
                )
            with self.assertRaises(UserError):
                as_collector._record_call_outcome("dispute")
            as_collector._record_call_outcome("no_answer")
            retry = self.activities(notice, "adv_dunning.mail_activity_type_call")
            self.assertEqual(str(retry.date_deadline), "2026-04-06")
            as_collector._record_call_outcome("dispute", note="Broken tiles", disputed=invoice)
        self.assertTrue(invoice.adv_dispute)
        self.assertEqual(invoice.adv_dispute_reason, "Broken tiles")

    def test_call_done(self):
        self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-04-05"):
            notice = self.dun().notice_ids
            notice.with_user(self.collector).action_call_done()
        self.assertFalse(self.activities(notice, "adv_dunning.mail_activity_type_call"))

    # litigation and notifications ---------------------------------------

    def test_litigation_file(self):
        invoice = self.invoice(1000.0, "2026-01-31")
        with freeze_time("2026-03-10"):  # 38 days: phone call
            self.dun()
        with freeze_time("2026-04-05"):  # 64 days: litigation
            notice = self.dun().notice_ids
        self.assertEqual(notice.level_id.name, "Litigation")
        attachment = notice.litigation_attachment_id
        self.assertEqual(attachment.mimetype, "text/csv")
        rows = list(csv.reader(io.StringIO(attachment.raw.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0][0], "Customer")
        self.assertEqual(rows[1][0], "Martin Matériaux")
        self.assertEqual(rows[1][6], invoice.name)
        self.assertEqual(rows[1][11], "1000.00")
        self.assertEqual(rows[1][13], "40.00")
        self.assertIn("Phone call", rows[1][14])
        self.assertIn("Litigation", rows[1][14])
        self.assertTrue(self.activities(notice, "adv_dunning.mail_activity_type_litigation"))

    def test_salesperson_and_sales_manager_are_notified(self):
        salesman = new_test_user(
            self.env, login="dun_sales", groups="sales_team.group_sale_salesman"
        )
        manager = new_test_user(
            self.env, login="dun_sales_mgr", groups="sales_team.group_sale_manager"
        )
        self.env["crm.team"].create(
            {"name": "Rhône-Alpes", "user_id": manager.id, "member_ids": [salesman.id]}
        )
        self.customer.user_id = salesman
        self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-04-05"):  # phone call level: notify the salesperson
            notice = self.dun().notice_ids
        message = notice.message_ids.filtered(lambda m: "reached the dunning level" in m.body)
        self.assertEqual(message.partner_ids, salesman.partner_id | manager.partner_id)

    # history -----------------------------------------------------------

    def test_history_on_the_invoice_and_the_customer(self):
        invoice = self.invoice(1000.0, "2026-03-01")
        with freeze_time("2026-03-10"):
            self.dun()
        with freeze_time("2026-04-05"):
            self.dun()
        self.assertEqual(
            invoice.adv_dunning_line_ids.filtered("new_level").level_id.mapped("name"),
            ["First reminder", "Phone call"],
        )
        customer = self.customer.with_user(self.collector)
        self.assertEqual(customer.adv_dunning_notice_count, 2)
        self.assertEqual(customer.adv_dunning_level_id.name, "Phone call")
        action = customer.action_adv_dunning_history()
        self.assertEqual(len(self.env["adv.dunning.notice"].search(action["domain"])), 2)
