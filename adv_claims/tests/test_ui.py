# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import PhoneTourMixin, new_web_user

from .common import ClaimsCommon, new_claim_handler


class ClaimTourCase(HttpCase):
    """A delivered and invoiced customer, a claim handler, and a quality claim with its evidence."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ClaimsCommon.switch_off_order_control(cls.env.company)
        cls.handler = new_claim_handler(cls.env, "claims_tour", password="claims_tour")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer Carrelage", "is_company": True}
        )
        product = cls.env["product.product"].create(
            {"name": "Tour tiles", "type": "consu", "invoice_policy": "order", "list_price": 50.0}
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 10,
                            "price_unit": 50.0,
                            "tax_id": [],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        cls.invoice = order._create_invoices()
        cls.invoice.action_post()
        quality = cls.env.ref("adv_claims.claim_type_quality")
        cls.claim = cls.env["adv.claim"].create(
            {
                "partner_id": cls.customer.id,
                "subject": "Tour cracked tiles",
                "user_id": cls.handler.id,
                "type_id": quality.id,
                "invoice_id": cls.invoice.id,
                "line_ids": [
                    Command.create(
                        {"invoice_line_id": cls.invoice.invoice_line_ids.id, "quantity": 3}
                    )
                ],
                "evidence_ids": [
                    Command.create(
                        {"kind_id": cls.env.ref("adv_claims.evidence_photos").id, "note": "photos"}
                    ),
                    Command.create(
                        {"kind_id": cls.env.ref("adv_claims.evidence_sample").id, "note": "batch"}
                    ),
                ],
            }
        )


@tagged("post_install", "-at_install")
class TestClaimTourDesktop(ClaimTourCase):
    def test_qualify_and_credit_note(self):
        self.start_tour("/odoo/adv-claims", "adv_claims_qualify_credit_note", login="claims_tour")
        self.assertEqual(self.claim.state, "proposed")
        self.assertEqual(self.claim.justified, "yes")
        remedy = self.claim.remedy_ids
        self.assertEqual(remedy.remedy_type, "credit_note")
        self.assertEqual(remedy.state, "done")
        self.assertEqual(remedy.account_move_id.move_type, "out_refund")
        self.assertEqual(remedy.account_move_id.amount_untaxed, 150.0)


@tagged("post_install", "-at_install")
class TestClaimTourPhone(PhoneTourMixin, ClaimTourCase):
    def test_create_a_claim_on_a_phone(self):
        self.start_tour("/odoo/adv-claims", "adv_claims_phone_create_phone", login="claims_tour")
        claim = self.env["adv.claim"].search([("subject", "=", "Pallet missing on the phone")])
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.channel, "phone")
        self.assertEqual(claim.user_id, self.handler)


class RefusedRemedyTourCase(ClaimTourCase):
    """The claim qualified, with a draft gesture of 600.00: above the handler's 500.00 for a
    gesture (the data's delegation of the Claim Handler group). A manager may approve it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_web_user(cls.env, "claims_tour_manager", "Marc", "adv_base.group_manager")
        cls.claim.justified = "yes"
        cls.claim.action_qualify()
        cls.gesture = (
            cls.env["adv.claim.remedy"]
            .with_user(cls.handler)
            .create({"claim_id": cls.claim.id, "remedy_type": "gesture", "amount": 600.0})
        )

    def assert_kept_waiting(self):
        """Both refusals changed nothing: the gesture waits for the manager, nothing was made."""
        self.env.invalidate_all()
        gesture = self.gesture
        self.assertEqual((gesture.state, gesture.amount), ("to_approve", 600.0))
        self.assertFalse(gesture.approved_by_id or gesture.approved_amount or gesture.done_by_id)
        self.assertFalse(gesture.account_move_id)
        self.assertFalse(
            self.env["account.move"].search(
                [("partner_id", "=", self.customer.id), ("move_type", "=", "out_refund")]
            )
        )
        approval = self.claim.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("adv_claims.mail_activity_claim_remedy_approval")
            )
        )
        self.assertIn(self.manager, approval.user_id)
        self.assertNotIn(self.handler, approval.user_id)


@tagged("post_install", "-at_install")
class TestRefusedRemedyTourDesktop(RefusedRemedyTourCase):
    def test_a_gesture_above_the_delegation_is_refused_on_screen(self):
        self.start_tour(
            "/odoo/adv-claims", "adv_claims_remedy_refused_desktop", login="claims_tour"
        )
        self.assert_kept_waiting()


@tagged("post_install", "-at_install")
class TestRefusedRemedyTourPhone(PhoneTourMixin, RefusedRemedyTourCase):
    def test_a_gesture_above_the_delegation_is_refused_on_a_phone(self):
        self.start_tour("/odoo/adv-claims", "adv_claims_remedy_refused_phone", login="claims_tour")
        self.assert_kept_waiting()


class FileFromDeliveryTourCase(HttpCase):
    """A French-speaking claim handler and a customer's delivery of 20 tiles, done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ClaimsCommon.switch_off_order_control(cls.env.company)
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.handler = new_claim_handler(
            cls.env, "claims_tour_fr", password="claims_tour_fr", lang="fr_FR"
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Carrelages de la Visite", "is_company": True}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Carreaux de la visite", "type": "consu", "list_price": 30.0}
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 20, "price_unit": 30.0}
                    )
                ],
            }
        )
        cls.order.action_confirm()
        cls.delivery = cls.order.picking_ids
        cls.delivery.move_ids.quantity = 20
        cls.delivery.with_context(skip_sms=True).button_validate()

    def assert_claim_filed(self):
        claim = self.env["adv.claim"].search([("picking_id", "=", self.delivery.id)])
        self.assertEqual(len(claim), 1)
        self.assertEqual(claim.subject, "Carreaux cassés à la livraison")
        self.assertEqual(
            (claim.partner_id, claim.sale_order_id, claim.user_id),
            (self.customer, self.order, self.handler),
        )
        self.assertEqual(claim.line_ids.move_id, self.delivery.move_ids)
        self.assertEqual(claim.line_ids.sale_line_id, self.order.order_line)
        self.assertEqual((claim.line_ids.quantity, claim.amount_claimed), (20.0, 600.0))


@tagged("post_install", "-at_install")
class TestFileFromDeliveryDesktop(FileFromDeliveryTourCase):
    def test_file_a_claim_from_a_delivery_in_4_clicks(self):
        self.start_tour(
            f"/odoo/stock.picking/{self.delivery.id}",
            "adv_claims_file_from_delivery_desktop",
            login="claims_tour_fr",
        )
        self.assert_claim_filed()


@tagged("post_install", "-at_install")
class TestFileFromDeliveryPhone(PhoneTourMixin, FileFromDeliveryTourCase):
    def test_file_a_claim_from_a_delivery_in_4_taps(self):
        self.start_tour(
            f"/odoo/stock.picking/{self.delivery.id}",
            "adv_claims_file_from_delivery_phone",
            login="claims_tour_fr",
        )
        self.assert_claim_filed()
