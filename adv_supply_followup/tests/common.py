# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Set-up of the supply follow-up tests: a vendor, a carrier, a stored product, users.

Glue addons build on :func:`new_chaser` and :class:`PurchaseFixturesMixin`."""

from datetime import datetime, timedelta

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.adv_base.tests.common import AdvCommon, new_english_user

# Every test runs "today" = this day (freeze_time), mid-morning.
TODAY = datetime(2026, 3, 2, 9, 0)


def day(offset):
    """``TODAY`` plus ``offset`` days, at noon."""
    return (TODAY + timedelta(days=offset)).replace(hour=12)


# The rights of a supply follow-up user in the tests: the role, and what a chase touches.
CHASER_GROUPS = (
    "adv_supply_followup.group_supply_followup,purchase.group_purchase_user,"
    "stock.group_stock_user,sales_team.group_sale_salesman"
)


def new_chaser(env, login, name="Sophie Suivi", groups="", **values):
    """A supply follow-up user ``login`` (:data:`CHASER_GROUPS` plus ``groups``)."""
    return new_test_user(
        env,
        login=login,
        name=name,
        groups=",".join(filter(None, [CHASER_GROUPS, groups])),
        **values,
    )


class PurchaseFixturesMixin:
    """``make_purchase`` for test classes with a ``vendor`` and a ``product``; the class's
    ``purchase_values`` (a dict) are added to every order."""

    purchase_values = {}

    @classmethod
    def make_purchase(cls, qty=100.0, date_planned=None, confirm=True, product=None):
        """An order of ``qty`` ``product`` (the class's by default) at 10.00 from ``vendor``,
        expected on ``date_planned`` (in two days by default), confirmed unless told."""
        order = cls.env["purchase.order"].create(
            {
                "partner_id": cls.vendor.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": (product or cls.product).id,
                            "product_qty": qty,
                            "price_unit": 10.0,
                            "date_planned": date_planned or day(2),
                            "taxes_id": [],
                        }
                    )
                ],
            }
            | cls.purchase_values
        )
        if confirm:
            order.button_confirm()
        return order


class SupplyCommon(PurchaseFixturesMixin, AdvCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.switch_off_order_control(cls.company)
        cls.warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.buyer = new_english_user(
            cls.env,
            "sf_buyer",
            "Bernard Buyer",
            "purchase.group_purchase_user,stock.group_stock_user",
            email="buyer@example.com",
        )
        cls.chaser = new_chaser(cls.env, "sf_chaser", email="sophie@example.com")
        cls.vendor = cls.env["res.partner"].create(
            {"name": "Late Vendor SA", "email": "vendor@example.com", "lang": "en_US"}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Customer One", "email": "one@example.com"}
        )
        cls.customer2 = cls.env["res.partner"].create(
            {"name": "Customer Two", "email": "two@example.com"}
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Steel bracket", "is_storable": True, "standard_price": 10.0}
        )
        cls.carrier_partner = cls.env["res.partner"].create(
            {"name": "Fast Freight", "email": "pod@fastfreight.example.com"}
        )
        cls.carrier = cls.env["delivery.carrier"].create(
            {
                "name": "Fast Freight road",
                "product_id": cls.env["product.product"]
                .create({"name": "Freight", "type": "service"})
                .id,
                "adv_transit_days": 2,
                "adv_partner_id": cls.carrier_partner.id,
            }
        )
        cls.Chase = cls.env["adv.supply.chase"]
        cls.purchase_values = {"user_id": cls.buyer.id}

    @classmethod
    def make_sale(cls, qty, commitment, partner=None, price=20.0, route=None):
        line = {"product_id": cls.product.id, "product_uom_qty": qty, "price_unit": price}
        if route:
            line["route_id"] = route.id
        order = cls.env["sale.order"].create(
            {
                "partner_id": (partner or cls.customer).id,
                "commitment_date": commitment,
                "order_line": [Command.create(dict(line, tax_id=[]))],
            }
        )
        order.action_confirm()
        return order
