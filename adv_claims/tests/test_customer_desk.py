# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestDeskClaims(ClaimsCommon):
    """The customer desk's claims section and a claim filed from the desk."""

    def desk(self, user=None):
        return self.env["adv.customer.desk"].with_user(user or self.handler)

    def section(self, screen, key):
        return next((s for s in screen["sections"] if s["key"] == key), None)

    def test_open_claims_with_their_clock_and_a_claim_filed_from_an_order(self):
        claim = (
            self.env["adv.claim"]
            .with_user(self.handler)
            .create({"partner_id": self.customer.id, "subject": "Broken tiles"})
        )
        self.assertEqual(
            [r["res_id"] for r in self.desk().find(claim.name)], [claim.id], "found by reference"
        )
        quotation = self.env["sale.order"].create(
            {"partner_id": self.customer.id, "order_line": [(0, 0, {"product_id": self.tiles.id})]}
        )
        screen = self.desk().sections(self.customer.id)
        claims = self.section(screen, "claims")
        self.assertEqual([row["id"] for row in claims["rows"]], claim.ids)
        labels = [d["label"] for d in claims["rows"][0]["details"]]
        self.assertIn("Acknowledge by", labels)
        order = next(
            row for row in self.section(screen, "orders")["rows"] if row["id"] == quotation.id
        )
        self.assertIn("claim", [a["key"] for a in order["actions"]])
        action = self.desk().run_action(self.customer.id, "claim", order["id"])
        self.assertEqual(action["context"]["default_sale_order_id"], order["id"])
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)

    def test_adv_user_reads_claims_but_files_none(self):
        screen = self.desk(self.adv_user).sections(self.customer.id)
        self.assertEqual(self.section(screen, "claims")["actions"], [])
