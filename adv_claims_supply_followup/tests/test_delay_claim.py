# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.tests import tagged

from odoo.addons.adv_supply_followup.models.adv_supply_impact import AdvSupplyImpact

from .common import ClaimsSupplyCommon


@tagged("post_install", "-at_install")
class TestDelayClaim(ClaimsSupplyCommon):
    """DOMAIN.md's impact case: stock 0; a purchase of 100 slips from D+2 to D+10; ``late_order``
    of 60 due D+3 is at risk, ``safe_order`` of 50 due D+12 is not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bracket = cls.env["product.product"].create(
            {"name": "Steel bracket", "is_storable": True, "standard_price": 10.0}
        )
        now = fields.Datetime.now()
        cls.purchase = cls.make_purchase(100, now + timedelta(days=2), product=cls.bracket)
        cls.late_order = cls.make_sale(60, now + timedelta(days=3))
        cls.safe_order = cls.make_sale(50, now + timedelta(days=12))
        cls.chase = cls.Chase._adv_open_chase(
            cls.purchase.picking_ids, "Vendor called: late", kind="late_receipt"
        )
        cls.chase._record_answer(fields.Date.today() + timedelta(days=10), "Slips to D+10")

    @classmethod
    def make_sale(cls, qty, commitment):
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "company_id": cls.company.id,
                "warehouse_id": cls.warehouse.id,
                "commitment_date": commitment,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.bracket.id,
                            "product_uom_qty": qty,
                            "price_unit": 20.0,
                            "tax_id": [],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        return order

    def delay_claim(self, **values):
        return self.make_claim(subject="Still not delivered", **values)

    def test_fixture_impact(self):
        self.assertEqual(self.chase.impact_ids.sale_order_id, self.late_order)

    def test_claim_on_an_impacted_order_is_linked(self):
        claim = self.delay_claim(sale_order_id=self.late_order.id)  # as the handler
        self.assertEqual(claim.sudo().adv_delay_chase_ids, self.chase)
        chase = self.chase.with_user(self.chaser)
        self.assertEqual(chase.adv_delay_claim_ids, claim)
        self.assertEqual(chase.adv_claim_ids, claim)
        self.assertEqual(claim.with_user(self.chaser).adv_chase_ids, self.chase)
        note = self.chase.message_ids[0]
        self.assertIn(claim.name, note.body)
        self.assertIn("became a customer claim", note.body)
        self.assertEqual(note.author_id, self.handler.partner_id)
        # From the delivery too.
        by_delivery = self.delay_claim(picking_id=self.late_order.picking_ids[:1].id)
        self.assertEqual(by_delivery.sudo().adv_delay_chase_ids, self.chase)
        self.assertEqual(chase.adv_delay_claim_ids, claim | by_delivery)
        self.assertEqual(
            self.Chase.with_user(self.chaser).search([("adv_claim_ids", "=", claim.id)]),
            self.chase,
        )

    def test_claim_on_an_unrelated_order_is_not_linked(self):
        for order in (self.safe_order, self.order):
            claim = self.delay_claim(sale_order_id=order.id)
            self.assertFalse(claim.sudo().adv_delay_chase_ids)
        self.assertFalse(self.chase.sudo().adv_delay_claim_ids)
        self.assertFalse(self.delay_claim().sudo().adv_delay_chase_ids)

    def test_changing_the_order_relinks(self):
        claim = self.delay_claim(sale_order_id=self.safe_order.id)
        self.assertFalse(claim.sudo().adv_delay_chase_ids)
        claim.with_user(self.handler).sale_order_id = self.late_order
        self.assertEqual(claim.sudo().adv_delay_chase_ids, self.chase)
        claim.with_user(self.handler).sale_order_id = self.safe_order
        self.assertFalse(claim.sudo().adv_delay_chase_ids)

    def test_a_batch_of_claims_is_linked_with_one_search(self):
        original = AdvSupplyImpact._read_group
        with patch.object(
            AdvSupplyImpact, "_read_group", autospec=True, side_effect=original
        ) as read_group:
            claims = (
                self.env["adv.claim"]
                .with_user(self.handler)
                .create(
                    [
                        {"subject": f"Late {i}", "sale_order_id": order.id}
                        for i, order in enumerate(
                            [self.late_order, self.safe_order, self.late_order, self.order]
                        )
                    ]
                )
            )
        self.assertEqual(read_group.call_count, 1)
        self.assertEqual(
            [bool(c.sudo().adv_delay_chase_ids) for c in claims], [True, False, True, False]
        )
        note = self.chase.message_ids[0]  # one note per chase for the batch
        self.assertIn(claims[0].name, note.body)
        self.assertIn(claims[2].name, note.body)
        self.assertEqual(self.chase.sudo().adv_delay_claim_ids, claims[0] | claims[2])

    def test_open_claim_linked_when_the_chase_computes_its_impact_later(self):
        # An order taken after the chase computed its impact: not yet among its rows.
        order = self.make_sale(30, fields.Datetime.now() + timedelta(days=5))
        claim = self.delay_claim(sale_order_id=order.id)
        self.assertFalse(claim.sudo().adv_delay_chase_ids)
        self.chase.with_user(self.chaser).action_refresh_impacts()
        self.assertIn(order, self.chase.impact_ids.sale_order_id)
        self.assertEqual(claim.sudo().adv_delay_chase_ids, self.chase)
        self.assertIn(claim.name, self.chase.message_ids[0].body)
