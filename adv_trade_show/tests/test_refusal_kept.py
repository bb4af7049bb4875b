# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A refused *Save & process* loses nothing: read back from the committed database.

``action_process`` raises a ``UserError`` when the capture lacks something (the privacy notice,
a valid e-mail or phone) or is already processed; the error rolls its transaction back. To see
what is left, the fixtures are committed through real cursors (the test's own cursor has an older
snapshot and cannot see them), the refused call runs in a transaction of its own as the booth
staff member, and what survived is read through a new cursor. Everything committed is removed at
the end.
"""

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.adv_base.tests.common import CommittedCase

from .common import remove_committed_show

# What the booth staff typed, as it must survive a refusal.
TYPED = {
    "name": "Kept Visitor",
    "company_name": "Kept Tiles SARL",
    "email": "kept.visitor@kept-tiles.example",
    "phone": "06 55 44 33 22",
    "function": "Buyer",
    "need": "Outdoor tiles for 40 houses",
    "temperature": "hot",
    "next_step": "quote",
    "badge_ref": "B-4711",
    "marketing_opt_in": True,
}


@tagged("post_install", "-at_install")
class TestCaptureRefusalIsKept(CommittedCase):
    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = self._env(cr)
            staff = new_test_user(
                env,
                login="ts_kept_staff",
                name="Kept Staff",
                groups="adv_trade_show.group_booth_staff",
                lang="en_US",
            )
            show = env["adv.trade.show"].create(
                {
                    "name": "Kept Show",
                    "country_id": env.ref("base.fr").id,
                    "date_begin": "2026-11-02",
                    "date_end": "2026-11-05",
                    "staff_ids": [Command.set(staff.ids)],
                    "state": "running",
                }
            )
            product = env["product.template"].create({"name": "Kept outdoor tiles"})
        self.staff_id, self.show_id, self.product_id = staff.id, show.id, product.id
        self.addCleanup(self._remove)

    def _remove(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            show = env["adv.trade.show"].browse(self.show_id)
            captures = show.capture_ids
            keys = captures.mapped("email_normalized") + captures.mapped("phone_e164")
            leads = (
                env["crm.lead"]
                .with_context(active_test=False)
                .search([("adv_show_id", "=", show.id)])
            )
            env["mail.mail"].search(
                [
                    "|",
                    "&",
                    ("model", "=", "adv.trade.show.capture"),
                    ("res_id", "in", captures.ids),
                    "&",
                    ("model", "=", "crm.lead"),
                    ("res_id", "in", leads.ids),
                ]
            ).unlink()
            leads.unlink()
            remove_committed_show(env, show, keys)
            env["product.template"].browse(self.product_id).unlink()
            user = env["res.users"].browse(self.staff_id)
            partner = user.partner_id
            user.unlink()
            partner.unlink()

    def _committed_capture(self, **values):
        """A draft capture typed by the booth staff member, committed."""
        with self.registry.cursor() as cr:
            env = self._env(cr, self.staff_id)
            capture = env["adv.trade.show.capture"].create(
                dict(
                    TYPED,
                    show_id=self.show_id,
                    product_ids=[Command.set([self.product_id])],
                    **values,
                )
            )
            return capture.id

    def _refused_process(self, capture_ids):
        """``action_process`` as the booth staff member, in a transaction of its own: assert it
        is refused, roll back as the RPC layer does, return the message."""
        with self.registry.cursor() as cr:
            captures = self._env(cr, self.staff_id)["adv.trade.show.capture"].browse(capture_ids)
            try:
                captures.action_process()
                cr.flush()
            except UserError as error:
                cr.rollback()
                return str(error)
        self.fail("action_process should have been refused")

    def _assert_kept(self, env, capture, **values):
        """The draft ``capture`` as typed, with ``values`` instead where given; nothing made
        from it (no lead, no consent evidence, no contact)."""
        expected = dict(TYPED, **values)
        self.assertEqual(capture.state, "draft")
        for fname, value in expected.items():
            self.assertEqual(capture[fname], value, fname)
        self.assertEqual(capture.product_ids.ids, [self.product_id])
        self.assertEqual(capture.user_id.id, self.staff_id)
        self.assertFalse(capture.lead_id or capture.partner_id or capture.matched_by)
        self.assertFalse(capture.consent_ids)

    def _show_leads(self, env):
        return (
            env["crm.lead"]
            .with_context(active_test=False)
            .search_count([("adv_show_id", "=", self.show_id)])
        )

    def test_refused_without_the_privacy_notice_keeps_the_draft(self):
        capture_id = self._committed_capture(informed=False)
        message = self._refused_process([capture_id])
        self.assertIn("cannot be processed yet", message)
        self.assertIn("Kept Visitor: missing the privacy notice given to the visitor", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            capture = env["adv.trade.show.capture"].browse(capture_id)
            self._assert_kept(env, capture, informed=False)
            self.assertEqual(self._show_leads(env), 0)
            self.assertFalse(env["adv.trade.show.consent"].search([("show_id", "=", self.show_id)]))
            self.assertFalse(env["res.partner"].search([("email_normalized", "=", TYPED["email"])]))
        # The notice given, the same draft is processed: what was typed reaches the lead.
        with self.registry.cursor() as cr:
            capture = self._env(cr, self.staff_id)["adv.trade.show.capture"].browse(capture_id)
            capture.write({"informed": True})
            capture.action_process()
        with self.registry.cursor() as cr:
            capture = self._env(cr)["adv.trade.show.capture"].browse(capture_id)
            self.assertEqual(capture.state, "done")
            self.assertEqual(capture.lead_id.email_from, TYPED["email"])
            self.assertIn(TYPED["need"], capture.lead_id.description)
            self.assertEqual(len(capture.consent_ids), 2)  # follow-up, and marketing (opted in)

    def test_refused_with_an_invalid_phone_keeps_the_draft(self):
        capture_id = self._committed_capture(informed=True, phone="12")
        message = self._refused_process([capture_id])
        self.assertIn("a valid phone number with its country (12 is not one)", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            capture = env["adv.trade.show.capture"].browse(capture_id)
            self._assert_kept(env, capture, informed=True, phone="12")
            self.assertFalse(capture.phone_e164)
            self.assertEqual(self._show_leads(env), 0)

    def test_a_refused_batch_processes_none_of_its_captures(self):
        """Processed together, one incomplete capture refuses the lot: the complete one is not
        half-processed, both drafts are kept."""
        complete = self._committed_capture(informed=True)
        incomplete = self._committed_capture(
            informed=True, name="Second Visitor", email="not-an-address", phone=False
        )
        message = self._refused_process([complete, incomplete])
        self.assertIn("Second Visitor: missing a valid e-mail (not-an-address is not one)", message)
        self.assertNotIn("Kept Visitor", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            Capture = env["adv.trade.show.capture"]
            self._assert_kept(env, Capture.browse(complete), informed=True)
            self._assert_kept(
                env,
                Capture.browse(incomplete),
                informed=True,
                name="Second Visitor",
                email="not-an-address",
                phone=False,
            )
            self.assertEqual(self._show_leads(env), 0)

    def test_processing_again_is_refused_and_changes_nothing(self):
        capture_id = self._committed_capture(informed=True)
        with self.registry.cursor() as cr:
            capture = self._env(cr, self.staff_id)["adv.trade.show.capture"].browse(capture_id)
            capture.action_process()
        with self.registry.cursor() as cr:
            capture = self._env(cr)["adv.trade.show.capture"].browse(capture_id)
            lead_id, consent_ids = capture.lead_id.id, capture.consent_ids.ids
            messages = len(capture.lead_id.message_ids)
        message = self._refused_process([capture_id])
        self.assertIn("Kept Visitor: already processed.", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            capture = env["adv.trade.show.capture"].browse(capture_id)
            self.assertEqual((capture.state, capture.lead_id.id), ("done", lead_id))
            self.assertEqual(capture.consent_ids.ids, consent_ids)
            self.assertEqual(self._show_leads(env), 1)
            self.assertEqual(len(capture.lead_id.message_ids), messages)
            self.assertEqual(capture.name, TYPED["name"])
