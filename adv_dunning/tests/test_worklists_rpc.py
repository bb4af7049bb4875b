# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The collector's worklists and documents as a remote client meets them (``/web/dataset/call_kw``
and the report URL in a real HTTP session): today's calls leave out the customers who promised to
pay, a formal notice is refused for a notice that may not give one, a letter is titled by its
level's letter title, and every action says what it did."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import DunningCommon

CALLS_DUE = [("adv_call_due", "=", True)]
NO_FORMAL_NOTICE = "No formal notice for"


@tagged("post_install", "-at_install")
class TestWorklistsOverRpc(RpcMixin, DunningCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.web_collector = new_web_user(
            cls.env,
            "dun_ws_collector",
            "Cora Collector",
            "adv_dunning.group_collector",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.collector = cls.web_collector  # the runs of ``dun()`` are theirs
        cls.today = fields.Date.context_today(cls.env.user)
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Claire Compta",
                "parent_id": cls.customer.id,
                "type": "invoice",
                "phone": "+33 4 72 11 22 33",
            }
        )

    def setUp(self):
        super().setUp()
        self.authenticate("dun_ws_collector", "dun_ws_collector")

    def late_invoice(self, partner, days):
        """An invoice of 1 500 that fell due ``days`` days ago."""
        today = self.today
        return self.invoice(
            1500.0, today - timedelta(days=days), partner, date=today - timedelta(days=days + 30)
        )

    def notice_of(self, run, partner):
        return run.notice_ids.filtered(lambda n: n.partner_id == partner)

    def test_todays_calls_leave_out_a_customer_who_promised_to_pay(self):
        invoice = self.late_invoice(self.customer, 35)  # the phone-call level (D+30)
        self.late_invoice(self.customer_2, 35)
        run = self.dun()
        calls = run.notice_ids
        self.assertEqual(set(calls.level_id.mapped("days")), {30})
        due = self.call("adv.dunning.notice", "search", CALLS_DUE)
        self.assertEqual(set(due) & set(calls.ids), set(calls.ids))
        # the card says whom to call, where, about which invoices and how late
        card = self.call(
            "adv.dunning.notice",
            "read",
            self.notice_of(run, self.customer).ids,
            ["call_contact_id", "call_phone", "invoice_names", "days_late"],
        )[0]
        self.assertEqual(card["call_contact_id"][1], "Martin Matériaux, Claire Compta")
        self.assertEqual(card["call_phone"], "+33 4 72 11 22 33")
        self.assertEqual(card["invoice_names"], invoice.name)
        self.assertEqual(card["days_late"], 35)
        # a promise recorded elsewhere (the promises list): the customer leaves today's calls
        self.call(
            "adv.dunning.promise",
            "create",
            {
                "partner_id": self.customer_2.id,
                "amount": 1500.0,
                "date": fields.Date.to_string(self.today + timedelta(days=10)),
            },
        )
        promised = self.notice_of(run, self.customer_2)
        due = self.call("adv.dunning.notice", "search", CALLS_DUE)
        self.assertNotIn(promised.id, due)
        self.assertIn(self.notice_of(run, self.customer).id, due)
        not_due = self.call("adv.dunning.notice", "search", [("adv_call_due", "=", False)])
        self.assertIn(promised.id, not_due)
        # read on the record as well
        self.assertFalse(
            self.call("adv.dunning.notice", "read", promised.ids, ["adv_call_due"])[0][
                "adv_call_due"
            ]
        )

    def test_recording_a_promise_says_so(self):
        self.late_invoice(self.customer, 35)
        notice = self.notice_of(self.dun(), self.customer)
        wizard = self.call(
            "adv.dunning.call.outcome",
            "create",
            {
                "notice_id": notice.id,
                "outcome": "promise",
                "promise_date": fields.Date.to_string(self.today + timedelta(days=5)),
            },
        )
        action = self.call("adv.dunning.call.outcome", "action_record", [wizard])
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("Payment promise of Martin Matériaux recorded", action["params"]["message"])
        self.assertIn("1,500.00", action["params"]["message"])
        self.assertNotIn(notice.id, self.call("adv.dunning.notice", "search", CALLS_DUE))

    def test_a_preview_that_finds_nothing_says_so(self):
        run = self.call("adv.dunning.run", "create", {})
        action = self.call("adv.dunning.run", "action_compute", [run])
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "info")
        self.assertIn("No customer to remind today", action["params"]["message"])
        self.late_invoice(self.customer, 35)
        action = self.call("adv.dunning.run", "action_compute", [run])
        self.assertIn("Notices to send: 1.", action["params"]["message"])

    def formal_notice_url(self, notice):
        return f"/report/pdf/adv_dunning.report_formal_notice/{notice.id}"

    def test_no_formal_notice_for_a_courtesy_reminder(self):
        # due in 3 days: the courtesy reminder (D-5), which quotes no penalty rate
        self.invoice(800.0, self.today + timedelta(days=3), self.customer)
        courtesy = self.notice_of(self.dun(send=False), self.customer)
        self.assertEqual((courtesy.level_id.days, courtesy.penalty_rate), (-5, 0.0))
        self.assertFalse(
            self.call("adv.dunning.notice", "read", courtesy.ids, ["level_formal_notice"])[0][
                "level_formal_notice"
            ]
        )
        self.assertRefusedCall(
            "UserError",
            "adv.dunning.notice",
            "action_print_formal_notice",
            courtesy.ids,
            says=NO_FORMAL_NOTICE,
        )
        # nor through the report's own URL (what the Print menu and any client open)
        response = self.url_open(self.formal_notice_url(courtesy))
        self.assertNotEqual(response.status_code, 200)
        self.assertIn(NO_FORMAL_NOTICE, response.text)
        # its letter prints, from the notice's button
        action = self.call("adv.dunning.notice", "action_print_letter", courtesy.ids)
        self.assertEqual(action["report_name"], "adv_dunning.report_letter")

    def test_a_formal_notice_prints_at_its_level(self):
        self.late_invoice(self.customer, 50)  # the formal notice (D+45)
        notice = self.notice_of(self.dun(send=False), self.customer)
        self.assertTrue(notice.level_formal_notice and notice.penalty_rate)
        action = self.call("adv.dunning.notice", "action_print_formal_notice", notice.ids)
        self.assertEqual(action["report_name"], "adv_dunning.report_formal_notice")
        response = self.url_open(self.formal_notice_url(notice))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Formal notice to pay", response.text)

    def test_the_letter_is_titled_by_the_level_not_named_after_it(self):
        self.late_invoice(self.customer, 35)
        notice = self.notice_of(self.dun(send=False), self.customer)
        html = self.url_open(f"/report/html/adv_dunning.report_letter/{notice.id}").text
        self.assertIn("Payment reminder", html)
        self.assertNotIn(">Phone call<", html)
        notice.level_id.sudo().letter_title = "Reminder before our call"
        html = self.url_open(f"/report/html/adv_dunning.report_letter/{notice.id}").text
        self.assertIn("Reminder before our call", html)

    def test_breadcrumbs_in_the_readers_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.late_invoice(self.customer, 35)
        notice = self.notice_of(self.dun(send=False), self.customer)
        names = self.call(
            "adv.dunning.notice", "read", notice.ids, ["display_name"], context={"lang": "fr_FR"}
        )
        self.assertEqual(names[0]["display_name"], "Martin Matériaux / Appel téléphonique")
