# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo.http import Request
from odoo.tests import HttpCase, new_test_user, tagged

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "Portal Customer SARL", "is_company": True}
        )
        contact = cls.env["res.partner"].create(
            {"name": "Paul Portal", "parent_id": cls.customer.id, "email": "paul@portal.example"}
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="claims_portal",
            password="claims_portal",
            groups="base.group_portal",
            partner_id=contact.id,
        )
        stranger = cls.env["res.partner"].create({"name": "Stranger Company", "is_company": True})
        cls.own_claim = cls.env["adv.claim"].create(
            {"partner_id": cls.customer.id, "subject": "Our visible claim"}
        )
        cls.other_claim = cls.env["adv.claim"].create(
            {"partner_id": stranger.id, "subject": "Someone else's claim"}
        )

    def test_portal_lists_and_files_claims_with_photos(self):
        self.authenticate("claims_portal", "claims_portal")
        page = self.url_open("/my/claims")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Our visible claim", page.text)
        self.assertNotIn("Someone else", page.text)
        own = self.url_open(f"/my/claims/{self.own_claim.id}")
        self.assertEqual(own.status_code, 200)
        self.assertIn("Our visible claim", own.text)
        # Another customer's claim: back to /my.
        other = self.url_open(f"/my/claims/{self.other_claim.id}")
        self.assertNotIn("Someone else", other.text)
        form = self.url_open("/my/claims/new")
        self.assertIn("o_adv_claim_form", form.text)
        response = self.url_open(
            "/my/claims/new",
            data={
                "csrf_token": Request.csrf_token(self),
                "subject": "Cracked tiles in pallet 3",
                "description": "Six tiles cracked.",
            },
            files={"photos": ("pallet.png", PNG, "image/png")},
        )
        self.assertEqual(response.status_code, 200, response.text[-3000:])
        claim = self.env["adv.claim"].search([("subject", "=", "Cracked tiles in pallet 3")])
        self.assertEqual(claim.partner_id, self.customer)
        self.assertEqual(claim.contact_id, self.portal_user.partner_id)
        self.assertEqual(claim.channel, "portal")
        self.assertIn(f"/my/claims/{claim.id}", response.url)
        self.assertEqual(claim.evidence_ids.attachment_ids.mapped("name"), ["pallet.png"])
        self.assertEqual(claim.evidence_ids.kind_id, self.env.ref("adv_claims.evidence_photos"))
        # An empty subject is refused with a message, nothing is created.
        count = self.env["adv.claim"].search_count([])
        refused = self.url_open(
            "/my/claims/new",
            data={"csrf_token": Request.csrf_token(self), "subject": " "},
        )
        self.assertIn("what went wrong", refused.text)
        self.assertEqual(self.env["adv.claim"].search_count([]), count)

    def test_a_forged_order_or_type_is_told_not_a_server_error(self):
        """A non-numeric id, another customer's order or an unknown type: a clear 400, nothing
        created (the form posts ids from its lists; a script may post anything)."""
        stranger = self.env["res.partner"].create({"name": "Other Company", "is_company": True})
        product = self.env["product.product"].create({"name": "Portal tile", "type": "consu"})
        foreign = self.env["sale.order"].create(
            {"partner_id": stranger.id, "order_line": [(0, 0, {"product_id": product.id})]}
        )
        self.authenticate("claims_portal", "claims_portal")
        count = self.env["adv.claim"].search_count([])
        for field, value, message in (
            ("order_id", "12abc", "not one of yours"),
            ("order_id", str(foreign.id), "not one of yours"),
            ("order_id", "99999999999999999999", "not one of yours"),
            ("type_id", "x", "kind of claim"),
            ("type_id", "987654321", "kind of claim"),
        ):
            with self.subTest(field=field, value=value):
                response = self.url_open(
                    "/my/claims/new",
                    data={
                        "csrf_token": Request.csrf_token(self),
                        "subject": "Forged",
                        field: value,
                    },
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn(message, response.text)
        self.assertEqual(self.env["adv.claim"].search_count([]), count)
