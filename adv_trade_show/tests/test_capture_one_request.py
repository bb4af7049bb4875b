# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Save & process of a new visitor in one request (``action_capture``, the capture form's
button on a new capture), as the phone sends it: a real HTTP session calling
``/web/dataset/call_kw``. The same rules as saving then processing: one lead per visitor, the
processing fields out of the caller's reach, and a refusal that is an error (the form then
saves the draft and processes it in two requests, tested with the tours). Each test reads the
outcome back from the database."""

from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import STAFF, TradeShowCommon

CAPTURE = "adv.trade.show.capture"


@tagged("post_install", "-at_install")
class TestCaptureInOneRequest(RpcMixin, TradeShowCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.one_staff = new_web_user(cls.env, "ts_one_staff", "Oona Staff", STAFF)
        cls.show.staff_ids |= cls.one_staff

    def setUp(self):
        super().setUp()
        self.authenticate("ts_one_staff", "ts_one_staff")

    def captures(self):
        self.env.invalidate_all()
        return self.env[CAPTURE].search([("user_id", "=", self.one_staff.id)])

    def test_a_new_visitor_saved_and_processed_in_one_request(self):
        action = self.call(CAPTURE, "action_capture", self.capture_values(need="Floor tiles"))
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("New visitor: lead created.", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["res_model"], CAPTURE)
        capture = self.captures()
        self.assertEqual((len(capture), capture.state, capture.matched_by), (1, "done", "new"))
        self.assertEqual(capture.lead_id.adv_show_id, self.show)
        self.assertEqual(capture.lead_id.email_from, "jeanne@visitor.example")
        self.assertEqual(capture.consent_ids.purpose, "follow_up")
        self.assertTrue(capture.lead_id.activity_ids, "no follow-up scheduled")

    def test_the_same_visitor_again_is_linked_not_duplicated(self):
        self.call(CAPTURE, "action_capture", self.capture_values())
        # captured again, the address typed with capitals and spaces: the same normalised key
        action = self.call(
            CAPTURE, "action_capture", self.capture_values(email=" JEANNE@Visitor.example ")
        )
        self.assertIn("Known visitor", action["params"]["message"])
        first, second = self.captures().sorted("id")
        self.assertEqual(second.lead_id, first.lead_id)
        self.assertEqual(self.env["crm.lead"].search_count([("adv_show_id", "=", self.show.id)]), 1)

    def test_a_refusal_is_an_error_not_a_saved_draft(self):
        """Without the privacy notice: refused as ``action_process`` refuses it, as an error
        (the request is rolled back, nothing half done): the form then saves the draft itself
        and processes it, where the refusal keeps it (``test_refusal_kept``, the tours)."""
        error = self.refusal(CAPTURE, "action_capture", self.capture_values(informed=False))
        self.assertEqual(error["name"], "odoo.exceptions.UserError")
        self.assertIn("missing the privacy notice given to the visitor", error["message"])

    def test_the_processing_fields_stay_out_of_reach(self):
        lead = self.env["crm.lead"].create({"name": "Someone else's lead"})
        partner = self.known_partner
        for forged in ({"state": "done"}, {"lead_id": lead.id}, {"partner_id": partner.id}):
            error = self.refusal(CAPTURE, "action_capture", self.capture_values(**forged))
            self.assertEqual(error["name"], "odoo.exceptions.UserError", forged)
            self.assertIn("set by processing", error["message"])
