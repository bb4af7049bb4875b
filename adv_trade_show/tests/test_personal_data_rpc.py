# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Visitors' personal data attacked as a remote caller would: a real HTTP session per role
calling ``/web/dataset/call_kw`` (the phone's web client and every integration use it), with
the arguments and context a script can send. Each test reads the outcome back from the
database."""

import time

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import MANAGER, STAFF, TradeShowCommon

HUGE_BADGE = "BEGIN:VCARD\nVERSION:3.0\nFN:" + "A" * 100_000 + "\nEND:VCARD"


@tagged("post_install", "-at_install")
class TestPersonalDataOverRpc(RpcMixin, TradeShowCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.rpc_staff = new_web_user(cls.env, "ts_rpc_staff", "Rob Staff", STAFF)
        cls.rpc_staff_fr = new_web_user(cls.env, "ts_rpc_staff_fr", "Rose Staff", STAFF)
        cls.rpc_staff_fr.lang = "fr_FR"
        cls.rpc_manager = new_web_user(cls.env, "ts_rpc_manager", "Max Show", MANAGER)
        cls.rpc_adv_manager = new_web_user(
            cls.env, "ts_rpc_adv_manager", "Ada Manager", "adv_base.group_manager"
        )
        cls.show.staff_ids |= cls.rpc_staff | cls.rpc_staff_fr

    # ------------------------------------------------------------
    # Badge payloads: a cap, on every path
    # ------------------------------------------------------------

    def test_a_huge_badge_is_refused_quickly_on_every_path(self):
        self.authenticate("ts_rpc_staff", "ts_rpc_staff")
        Capture = self.env["adv.trade.show.capture"]
        values = self.capture_values(name=False, badge_payload=HUGE_BADGE)
        started = time.perf_counter()
        error = self.refusal("adv.trade.show.capture", "create", [values])
        self.assertLess(time.perf_counter() - started, 1.0)
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        self.assertIn("at most 4096", error["message"])
        self.assertFalse(Capture.search([("user_id", "=", self.rpc_staff.id)]))
        # A draft keeps what it had when a huge badge is written onto it.
        [draft_id] = self.call(
            "adv.trade.show.capture", "create", [self.capture_values(badge_payload="BTM-0042")]
        )
        error = self.refusal(
            "adv.trade.show.capture", "write", [draft_id], {"badge_payload": HUGE_BADGE}
        )
        self.assertEqual(error["name"], "odoo.exceptions.ValidationError")
        [draft] = self.call("adv.trade.show.capture", "read", [draft_id], ["badge_payload", "name"])
        self.assertEqual((draft["badge_payload"], draft["name"]), ("BTM-0042", "Jeanne Visitor"))
        # The phone's form: a warning, and the badge is dropped (the draft stays savable).
        started = time.perf_counter()
        result = self.call(
            "adv.trade.show.capture",
            "onchange",
            [],
            {"badge_payload": HUGE_BADGE, "name": False},
            ["badge_payload"],
            {"badge_payload": {}, "name": {}},
        )
        self.assertLess(time.perf_counter() - started, 1.0)
        self.assertIn("at most 4096", result["warning"]["message"])
        self.assertIs(result["value"]["badge_payload"], False)

    def test_the_refusal_speaks_the_users_language(self):
        self.authenticate("ts_rpc_staff_fr", "ts_rpc_staff_fr")
        error = self.refusal(
            "adv.trade.show.capture",
            "create",
            [self.capture_values(badge_payload=HUGE_BADGE)],
            context={"lang": "fr_FR"},
        )
        self.assertIn("au plus 4096", error["message"])

    # ------------------------------------------------------------
    # One address, never a list
    # ------------------------------------------------------------

    def test_an_address_list_is_kept_as_one_normalised_address(self):
        self.authenticate("ts_rpc_staff", "ts_rpc_staff")
        [capture_id] = self.call(
            "adv.trade.show.capture",
            "create",
            [self.capture_values(email="Jeanne@Visitor.example, boss@evil.example")],
        )
        self.call(
            "adv.trade.show.capture",
            "write",
            [capture_id],
            {"email": '"jeanne@visitor.example" <Spy@Evil.example>'},
        )
        [capture] = self.call("adv.trade.show.capture", "read", [capture_id], ["email"])
        self.assertEqual(capture["email"], "spy@evil.example")

    # ------------------------------------------------------------
    # Consent evidence: kept, whoever asks
    # ------------------------------------------------------------

    def _consent(self):
        capture = self.capture(user=self.rpc_staff, marketing_opt_in=True)
        capture.action_process()
        return capture.consent_ids

    def test_no_role_deletes_or_rewrites_consent_evidence(self):
        consents = self._consent()
        shown = consents.mapped("text_shown")
        for login in ("ts_rpc_manager", "ts_rpc_adv_manager", "ts_rpc_staff"):
            with self.subTest(login):
                self.authenticate(login, login)
                error = self.refusal("adv.trade.show.consent", "unlink", consents.ids)
                self.assertTrue(error, f"{login} deleted consent evidence")
                error = self.refusal(
                    "adv.trade.show.consent",
                    "write",
                    consents.ids,
                    {"text_shown": "Nothing was said", "marketing_opt_in": False},
                    context={"adv_show_anonymise": True},
                )
                self.assertTrue(error, f"{login} rewrote consent evidence")
        self.env.invalidate_all()
        self.assertEqual(len(consents.exists()), 2)
        self.assertEqual(consents.mapped("text_shown"), shown)
        self.assertEqual(set(consents.mapped("marketing_opt_in")), {True})

    def test_the_contacts_to_anonymise_are_not_chosen_by_hand(self):
        self.authenticate("ts_rpc_staff", "ts_rpc_staff")
        [capture_id] = self.call("adv.trade.show.capture", "create", [self.capture_values()])
        error = self.refusal(
            "adv.trade.show.capture",
            "write",
            [capture_id],
            {"created_partner_ids": [(4, self.known_partner.id)]},
        )
        self.assertIn("set by processing", error["message"])
        error = self.refusal(
            "adv.trade.show.capture",
            "create",
            [self.capture_values(created_partner_ids=[(6, 0, self.known_partner.ids)])],
        )
        self.assertIn("set by processing", error["message"])
        self.env.invalidate_all()
        self.assertFalse(
            self.env["adv.trade.show.capture"].search(
                [("created_partner_ids", "in", self.known_partner.ids)]
            )
        )
