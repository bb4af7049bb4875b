# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from urllib.parse import parse_qs, urlparse

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tools.phone import looks_like_phone, normalize_phone, phone_prefix

from .common import AdvCommon, AdvUsersMixin, RpcMixin, new_web_user


class DeskCommon(AdvCommon):
    """A French customer with a switchboard number and a contact with a mobile."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        france = cls.env.ref("base.fr")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Carrelages Vernet",
                "is_company": True,
                "country_id": france.id,
                "city": "Lyon",
                "phone": "04 78 00 11 22",
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Julie Vernet",
                "parent_id": cls.customer.id,
                "country_id": france.id,
                "mobile": "+33 (0)6.39.98.12.34",
            }
        )
        cls.desk = cls.env["adv.customer.desk"].with_user(cls.adv_user)


@tagged("post_install", "-at_install")
class TestPhoneKeys(DeskCommon):
    def test_formats(self):
        for typed in (
            "06 39 98 12 34",
            "+33 6 39 98 12 34",
            "0033639981234",
            "+33 (0)6.39.98.12.34",
        ):
            self.assertEqual(normalize_phone(typed, "FR", 33), "+33639981234", typed)
        self.assertEqual(phone_prefix("06 39 9", 33), "+336399")
        self.assertFalse(looks_like_phone("S00012"))
        self.assertFalse(looks_like_phone("12"))
        self.assertTrue(looks_like_phone("06 39 98"))
        self.assertFalse(looks_like_phone("06 39"))

    def test_partner_keys_stored(self):
        self.assertEqual(self.customer.adv_phone_e164, "+33478001122")
        self.assertEqual(self.contact.adv_mobile_e164, "+33639981234")


@tagged("post_install", "-at_install")
class TestDeskFind(DeskCommon):
    def test_find_by_phone_in_any_format(self):
        for typed in ("06 39 98 12 34", "+33639981234", "0033 6 39 98 12 34", "tel:+33639981234"):
            results = self.desk.find(typed)
            self.assertEqual([r["partner_id"] for r in results], self.customer.ids, typed)
            self.assertEqual(results[0]["kind"], "phone")
            self.assertEqual(results[0]["contact"], "Julie Vernet")
        # as the number is typed, and the switchboard
        self.assertIn(self.customer.id, [r["partner_id"] for r in self.desk.find("04 78 00 1")])

    def test_find_by_name(self):
        results = self.desk.find("vernet")
        # the company and its contact are one result: the customer
        self.assertEqual([r["partner_id"] for r in results], self.customer.ids)
        self.assertEqual(results[0]["kind"], "name")

    def test_find_bounded(self):
        self.assertEqual(self.desk.find("a"), [])
        self.assertEqual(self.desk.find(""), [])
        self.assertEqual(self.desk.find("x" * 5000), [])

    def test_unknown_customer(self):
        with self.assertRaises(UserError):
            self.desk.sections(0)
        with self.assertRaises(UserError):
            self.desk.run_action(self.customer.id, "unlink")


@tagged("post_install", "-at_install")
class TestDeskScreen(DeskCommon):
    def test_header_and_interactions(self):
        self.customer.message_post(body="Asked for the delivery date", message_type="comment")
        screen = self.desk.sections(self.contact.id)  # a contact opens its company
        header = screen["customer"]
        self.assertEqual(header["id"], self.customer.id)
        self.assertEqual({p["e164"] for p in header["phones"]}, {"+33478001122", "+33639981234"})
        keys = [s["key"] for s in screen["sections"]]
        self.assertEqual(len(keys), len(set(keys)), "a section appears once")
        interactions = next(s for s in screen["sections"] if s["key"] == "interactions")
        self.assertIn(
            "Asked for the delivery date",
            [d["value"] for row in interactions["rows"] for d in row["details"]],
        )

    def test_log_call_closes_activity_and_schedules_call_back(self):
        activity = self.customer.activity_schedule(
            "mail.mail_activity_data_call", summary="Call Vernet", user_id=self.adv_user.id
        )
        action = self.desk.run_action(self.customer.id, "log_call")
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.adv_user)
            .with_context(**action["context"])
            .create(
                {
                    "note": "Delivery expected on Friday",
                    "outcome": "callback",
                    "activity_id": activity.id,
                    "callback_date": "2030-01-15",
                }
            )
        )
        wizard.action_log()
        self.assertFalse(activity.exists(), "the activity the call answered is done")
        note = self.customer.message_ids[:1]
        self.assertIn("Delivery expected on Friday", note.body)
        self.assertEqual(note.author_id, self.adv_user.partner_id)
        callback = self.customer.activity_ids
        self.assertEqual(len(callback), 1)
        self.assertEqual(str(callback.date_deadline), "2030-01-15")
        self.assertEqual(callback.user_id, self.adv_user)

    def test_log_call_refuses_another_customers_activity(self):
        other = self.env["res.partner"].create({"name": "Other"})
        activity = other.activity_schedule("mail.mail_activity_data_call", user_id=self.adv_user.id)
        wizard = (
            self.env["adv.customer.desk.call"]
            .with_user(self.adv_user)
            .create({"partner_id": self.customer.id, "note": "x", "activity_id": activity.id})
        )
        with self.assertRaises(UserError):
            wizard.action_log()
        self.assertTrue(activity.exists())

    def _queries(self, partner_id):
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.desk.sections(partner_id)
        return self.env.cr.sql_log_count - before

    def _grow(self, count):
        for i in range(count):
            contact = self.env["res.partner"].create(
                {"name": f"Contact {i}", "parent_id": self.customer.id, "phone": f"0478{i:06d}"}
            )
            self.customer.message_post(body=f"Message {i}", message_type="comment")
            contact.message_post(body=f"Note {i}", message_type="comment")

    def test_screen_queries_do_not_grow(self):
        self._grow(2)
        self._queries(self.customer.id)  # warm the caches of the registry
        small = self._queries(self.customer.id)
        self._grow(15)
        self.assertEqual(self._queries(self.customer.id), small)


@tagged("post_install", "-at_install")
class TestDeskTransport(AdvUsersMixin, RpcMixin, HttpCase):
    """The desk is for ADV users, whatever the client; the incoming-call URL keeps the number
    intact through the web client's router."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.adv_web = new_web_user(cls.env, "desk_adv", "Adèle Desk", "adv_base.group_user")
        cls.outsider = new_web_user(cls.env, "desk_outsider", "Oscar Desk", "base.group_user")

    def test_only_adv_users(self):
        self.authenticate("desk_outsider", "desk_outsider")
        self.assertRefusedCall("AccessError", "adv.customer.desk", "find", "Vernet")
        partner = self.env["res.partner"].create({"name": "Desk customer"})
        self.assertRefusedCall("AccessError", "adv.customer.desk", "sections", partner.id)
        self.assertRefusedCall(
            "AccessError", "adv.customer.desk", "run_action", partner.id, "log_call"
        )
        self.authenticate("desk_adv", "desk_adv")
        self.assertEqual(self.call("adv.customer.desk", "find", "zzzz-nobody"), [])

    def test_incoming_call_url(self):
        self.authenticate("desk_adv", "desk_adv")
        response = self.url_open(
            "/adv/desk/call?number=%2B33%206%2039%2098%2012%2034", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        target = urlparse(response.headers["Location"])
        self.assertEqual(target.path, "/odoo/customer-desk")
        # "tel:" keeps the router from turning the number into a number (losing its "+")
        self.assertEqual(parse_qs(target.query)["call"], ["tel:+33639981234"])
        # what is not a number is not passed on
        response = self.url_open("/adv/desk/call?number=<script>", allow_redirects=False)
        self.assertEqual(urlparse(response.headers["Location"]).query, "")

    def test_incoming_call_url_needs_a_session(self):
        response = self.url_open("/adv/desk/call?number=0639981234", allow_redirects=False)
        self.assertIn("/web/login", response.headers["Location"])
