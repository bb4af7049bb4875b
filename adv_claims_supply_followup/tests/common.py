# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command

from odoo.addons.adv_claims.tests.common import ClaimsCommon
from odoo.addons.adv_supply_followup.tests.common import PurchaseFixturesMixin, new_chaser


class ClaimsSupplyCommon(PurchaseFixturesMixin, ClaimsCommon):
    """The claims fixtures plus a supply follow-up user ``chaser`` and a vendor ``vendor``
    (``make_purchase`` orders the claims' tiles from them). ``handler`` (Claim Handler) has no
    supply follow-up right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chaser = new_chaser(
            cls.env,
            "csf_chaser",
            email="sophie@example.com",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
        )
        cls.chaser.company_ids = [Command.link(cls.company.id)]
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Late Vendor SA", "is_company": True, "email": "vendor@example.com"}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.product = cls.tiles
        cls.purchase_values = {
            "company_id": cls.company.id,
            "picking_type_id": cls.warehouse.in_type_id.id,
        }
        cls.Chase = cls.env["adv.supply.chase"]

    def chases_of(self, document):
        field = "purchase_id" if document._name == "purchase.order" else "picking_id"
        return self.Chase.sudo().search([(field, "=", document.id)])
