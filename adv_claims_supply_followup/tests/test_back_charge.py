# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ClaimsSupplyCommon


@tagged("post_install", "-at_install")
class TestBackCharge(ClaimsSupplyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.claim = cls.make_qualified_claim()

    def back_charge(self, claim=None, **values):
        """A draft back-charge of 180.00 to the carrier (as the handler)."""
        values = {"amount": 180.0, "partner_id": self.carrier_partner.id} | values
        return self.make_remedy(claim or self.claim, "back_charge", **values)

    def test_handler_without_supply_rights(self):
        self.assertFalse(self.handler.has_group("adv_supply_followup.group_supply_followup"))
        self.assertTrue(self.chaser.has_group("adv_supply_followup.group_supply_followup"))

    def test_back_charge_opens_one_chase_linked_both_ways(self):
        remedy = self.back_charge()
        remedy.action_execute()  # as the handler, who has no supply follow-up right
        chase = remedy.sudo().adv_chase_id
        self.assertEqual(len(chase), 1)
        self.assertEqual(self.chases_of(self.delivery), chase)
        self.assertEqual(chase.picking_id, self.delivery)
        self.assertEqual(chase.kind, "other")
        self.assertEqual(chase.state, "open")
        # The counterpart is the carrier who bears it, not the claiming customer.
        self.assertEqual(chase.partner_id, self.carrier_partner)
        self.assertEqual(chase.amount, 180.0)
        self.assertIn(self.claim.name, chase.reason)
        self.assertIn("180.00", chase.reason)
        self.assertIn(remedy.account_move_id.display_name, chase.reason)
        self.assertTrue(chase.activity_ids, "the chase's responsible gets a follow-up activity")
        # Both ways, as the follow-up team sees them.
        chase_seen = chase.with_user(self.chaser)
        self.assertEqual(chase_seen.adv_back_charge_ids, remedy)
        self.assertEqual(chase_seen.adv_claim_ids, self.claim)
        self.assertEqual(chase_seen.adv_claim_count, 1)
        claim_seen = self.claim.with_user(self.chaser)
        self.assertEqual(claim_seen.adv_chase_ids, chase)
        self.assertEqual(claim_seen.adv_chase_count, 1)
        self.assertEqual(claim_seen.action_adv_chases()["domain"], [("id", "in", chase.ids)])
        self.assertEqual(chase_seen.action_adv_claims()["domain"], [("id", "in", self.claim.ids)])
        self.assertIn(self.claim.name, chase.message_ids[0].body)
        self.assertTrue(
            self.claim.message_ids.filtered(lambda m: chase.name in (m.body or "")),
            "the claim says which chase follows the back-charge up",
        )
        # Twice: the hook again, the execution again: still one chase.
        remedy.with_user(self.handler)._adv_back_charge_created()
        with self.assertRaisesRegex(UserError, "already done"):
            remedy.with_user(self.handler).action_execute()
        self.assertEqual(self.chases_of(self.delivery), chase)
        # Neither does re-running the hook of a remedy whose link was lost (the opening is
        # idempotent): the open chase of the document is reused.
        remedy.sudo().adv_chase_id = False
        remedy.with_user(self.handler)._adv_back_charge_created()
        self.assertEqual(self.chases_of(self.delivery), chase)
        self.assertEqual(remedy.sudo().adv_chase_id, chase)

    def test_back_charge_on_a_purchase_order(self):
        order = self.make_purchase(10, fields.Datetime.now() + timedelta(days=2))
        remedy = self.back_charge(purchase_id=order.id, partner_id=self.vendor.id, amount=90.0)
        remedy.action_execute()
        chase = remedy.sudo().adv_chase_id
        self.assertEqual(chase.purchase_id, order)
        self.assertFalse(chase.picking_id)
        self.assertEqual(chase.partner_id, self.vendor)
        self.assertEqual(self.chases_of(order), chase)
        # The vendor's answer goes to the claim and moves no purchase date.
        planned = order.order_line.date_planned
        chase.with_user(self.chaser)._record_answer(
            fields.Date.today() + timedelta(days=5), "Accepted, credit next week"
        )
        self.assertEqual(order.order_line.date_planned, planned)
        self.assertTrue(
            self.claim.message_ids.filtered(lambda m: "Accepted, credit next week" in m.body)
        )

    def test_two_back_charges_share_the_open_chase(self):
        first = self.back_charge()
        first.action_execute()
        second = self.back_charge(amount=40.0, note="Return transport")
        second.action_execute()
        chase = first.sudo().adv_chase_id
        self.assertEqual(second.sudo().adv_chase_id, chase)
        self.assertEqual(self.chases_of(self.delivery), chase)
        self.assertIn("40.00", chase.reason)
        self.assertEqual(chase.with_user(self.chaser).adv_back_charge_ids, first | second)

    def test_no_document_to_chase_is_said_on_the_claim(self):
        claim = self.make_claim(subject="Broken on arrival")
        remedy = self.back_charge(claim=claim)
        remedy.action_execute()
        self.assertFalse(remedy.sudo().adv_chase_id)
        self.assertFalse(self.Chase.sudo().search([("reason", "ilike", claim.name)]))
        self.assertTrue(
            claim.message_ids.filtered(lambda m: "no purchase order or transfer" in m.body)
        )
        activity = claim.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(activity.user_id, self.handler)

    def test_claim_form_without_supply_rights(self):
        remedy = self.back_charge()
        remedy.action_execute()
        # The handler opens the claim and the remedy: the chase fields are not loaded.
        form = Form(self.claim.with_user(self.handler))
        self.assertNotIn("adv_chase_count", form._view["fields"])
        self.assertNotIn("adv_delay_chase_ids", form._view["fields"])
        remedy_form = Form(remedy.with_user(self.handler))
        self.assertNotIn("adv_chase_id", remedy_form._view["fields"])
        with self.assertRaises(AccessError):
            self.claim.with_user(self.handler).read(["adv_chase_ids"])
        # The follow-up team sees them.
        form = Form(self.claim.with_user(self.chaser))
        self.assertEqual(form.adv_chase_count, 1)
        chase_form = Form(remedy.sudo().adv_chase_id.with_user(self.chaser))
        self.assertEqual(chase_form.adv_claim_count, 1)

    def test_messages_in_the_handlers_language(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.handler.lang = "fr_FR"
        remedy = self.back_charge()
        remedy.with_user(self.handler).with_context(lang="fr_FR").action_execute()
        chase = remedy.sudo().adv_chase_id
        self.assertIn(f"Refacturation de la réclamation {self.claim.name}", chase.reason)
        self.assertTrue(
            self.claim.message_ids.filtered(lambda m: "La refacturation est suivie" in m.body)
        )
