# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ClaimsCommon


@tagged("post_install", "-at_install")
class TestAccess(ClaimsCommon):
    def test_only_claim_handlers_write(self):
        claim = self.make_claim()
        with self.assertRaises(AccessError):
            self.env["adv.claim"].with_user(self.internal_user).search([])
        # An ADV user reads the claims, and changes or creates none.
        self.assertEqual(claim.with_user(self.adv_user).subject, "Broken tiles")
        with self.assertRaises(AccessError):
            claim.with_user(self.adv_user).subject = "changed"
        with self.assertRaises(AccessError):
            self.make_claim(user=self.adv_user)
        with self.assertRaises(AccessError):
            self.env["adv.claim.delegation"].with_user(self.handler).create(
                {"user_id": self.handler.id, "unlimited": True}
            )

    def test_other_company_claims_are_invisible(self):
        other = self.setup_other_company()["company"]
        foreign = self.env["adv.claim"].create(
            {"partner_id": self.customer.id, "subject": "Elsewhere", "company_id": other.id}
        )
        mine = self.make_claim()
        visible = self.env["adv.claim"].with_user(self.handler).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(foreign, visible)
        with self.assertRaises(AccessError):
            foreign.with_user(self.handler).read(["subject"])

    def test_portal_user_sees_only_their_company_claims(self):
        portal = new_test_user(
            self.env,
            login="dupont_portal",
            groups="base.group_portal",
            partner_id=self.customer_contact.id,
        )
        mine = self.make_claim()
        other = self.make_claim(partner_id=self.other_customer.id)
        claims = self.env["adv.claim"].with_user(portal).search([])
        self.assertIn(mine, claims)
        self.assertNotIn(other, claims)
        with self.assertRaises(AccessError):
            other.with_user(portal).read(["subject"])
        with self.assertRaises(AccessError):
            mine.with_user(portal).write({"subject": "changed"})
