# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.adv_claims.tests.common import ClaimsCommon


class ClaimsSupplyCommon(ClaimsCommon):
    """The claims fixtures plus a supply follow-up user ``chaser``. ``handler`` (Claim Handler)
    has no supply follow-up right."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.chaser = new_test_user(
            cls.env,
            login="csf_chaser",
            name="Sophie Suivi",
            email="sophie@example.com",
            groups="adv_supply_followup.group_supply_followup,purchase.group_purchase_user,"
            "stock.group_stock_user,sales_team.group_sale_salesman,account.group_account_invoice",
            company_id=cls.company.id,
        )
        cls.chaser.company_ids = [Command.link(cls.company.id)]
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Late Vendor SA", "is_company": True, "email": "vendor@example.com"}
        )
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.Chase = cls.env["adv.supply.chase"]

    @classmethod
    def make_purchase(cls, product, qty, date_planned):
        order = cls.env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "company_id": cls.company.id,
                "picking_type_id": cls.warehouse.in_type_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_qty": qty,
                            "price_unit": 10.0,
                            "date_planned": date_planned,
                            "taxes_id": [],
                        }
                    )
                ],
            }
        )
        order.button_confirm()
        return order

    def chases_of(self, document):
        field = "purchase_id" if document._name == "purchase.order" else "picking_id"
        return self.Chase.sudo().search([(field, "=", document.id)])
