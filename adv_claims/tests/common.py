# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fixtures of the claims tests; other adv addons (glue) may build on them."""

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.adv_base.tests.common import AdvUsersMixin, new_english_user


def new_claim_handler(env, login, **values):
    """A Claim Handler, Hélène Handler, who reads English (``values`` complete the user)."""
    return new_test_user(
        env,
        login=login,
        **{"name": "Hélène Handler", "lang": "en_US", "groups": "adv_claims.group_claim_handler"}
        | values,
    )


class ClaimsCommon(AdvUsersMixin, AccountTestInvoicingCommon):
    """A customer ``customer`` (contact ``customer_contact``) who ordered 10 tiles at 50.00 and
    2 consulting days at 400.00: the order ``order`` is delivered (``delivery``) and invoiced
    (``invoice``, posted). Users: ``handler`` (Claim Handler, delegation 1 000, 500 for a
    gesture), ``sales_manager`` (escalations go to them) and the ADV users of adv_base.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # AccountTestInvoicingCommon runs as its own accountant: the set-up acts as superuser,
        # the tests act as the users they name.
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True), su=True)
        cls.company = cls.company_data["company"]
        cls.switch_off_order_control(cls.company)
        cls.setup_adv_users()
        (cls.adv_user | cls.adv_manager | cls.internal_user).write(
            {"company_ids": [Command.link(cls.company.id)], "company_id": cls.company.id}
        )
        cls.handler = new_claim_handler(
            cls.env, "claim_handler", email="helene@example.com", company_id=cls.company.id
        )
        cls.sales_manager = new_english_user(
            cls.env,
            "claim_sales_manager",
            "Serge Sales Manager",
            "sales_team.group_sale_manager",
            email="serge@example.com",
            company_id=cls.company.id,
        )
        cls.tiles = cls._create_product(
            name="Pallet of tiles",
            type="consu",
            invoice_policy="delivery",
            lst_price=50.0,
            standard_price=30.0,
        )
        cls.service = cls._create_product(
            name="Consulting day", type="service", invoice_policy="order", lst_price=400.0
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Dupont Distribution", "is_company": True, "email": "achats@dupont.example"}
        )
        cls.customer_contact = cls.env["res.partner"].create(
            {
                "name": "Jeanne Dupont",
                "parent_id": cls.customer.id,
                "email": "jeanne@dupont.example",
            }
        )
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Martin SA", "is_company": True}
        )
        cls.carrier_partner = cls.env["res.partner"].create(
            {"name": "Transports Rapides", "is_company": True}
        )
        cls.order, cls.delivery, cls.invoice = cls.make_sold_delivered_invoiced(cls.customer)
        cls.tile_line = cls.order.order_line.filtered(lambda l: l.product_id == cls.tiles)
        cls.tile_move = cls.delivery.move_ids
        cls.tile_invoice_line = cls.invoice.invoice_line_ids.filtered(
            lambda l: l.product_id == cls.tiles
        )
        cls.claim_type_damage = cls.env.ref("adv_claims.claim_type_damage")
        cls.claim_type_quality = cls.env.ref("adv_claims.claim_type_quality")
        cls.claim_type_admin = cls.env.ref("adv_claims.claim_type_admin")

    @classmethod
    def make_sold_delivered_invoiced(cls, partner, tiles=10.0):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "company_id": cls.company.id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.tiles.id, "product_uom_qty": tiles, "price_unit": 50.0}
                    ),
                    Command.create(
                        {"product_id": cls.service.id, "product_uom_qty": 2, "price_unit": 400.0}
                    ),
                ],
            }
        )
        order.action_confirm()
        delivery = order.picking_ids
        for move in delivery.move_ids:
            move.quantity = move.product_uom_qty
        delivery.button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        return order, delivery, invoice

    @classmethod
    def make_claim(cls, user=None, **values):
        """A new claim of ``customer`` (as ``user``, the handler by default)."""
        vals = {
            "partner_id": cls.customer.id,
            "subject": "Broken tiles",
            "company_id": cls.company.id,
        } | values
        return cls.env["adv.claim"].with_user(user or cls.handler).create(vals)

    @classmethod
    def make_qualifiable_claim(cls, quantity=4.0, **values):
        """A quality claim on ``quantity`` invoiced tiles, with its evidence: ready to qualify."""
        photos = cls.env.ref("adv_claims.evidence_photos")
        sample = cls.env.ref("adv_claims.evidence_sample")
        vals = {
            "type_id": cls.claim_type_quality.id,
            "invoice_id": cls.invoice.id,
            "justified": "yes",
            "line_ids": [
                Command.create({"invoice_line_id": cls.tile_invoice_line.id, "quantity": quantity})
            ],
            "evidence_ids": [
                Command.create({"kind_id": photos.id, "note": "3 photos by e-mail"}),
                Command.create({"kind_id": sample.id, "note": "Batch 2026-14"}),
            ],
        } | values
        return cls.make_claim(**vals)

    @classmethod
    def make_qualified_claim(cls, quantity=4.0, **values):
        """``make_qualifiable_claim``, also on the delivery, and qualified: ready for remedies."""
        claim = cls.make_qualifiable_claim(quantity=quantity, picking_id=cls.delivery.id, **values)
        claim.action_qualify()
        return claim

    @classmethod
    def make_remedy(cls, claim, remedy_type, user=None, **values):
        """A draft remedy of ``claim`` (as ``user``, the handler by default)."""
        return (
            cls.env["adv.claim.remedy"]
            .with_user(user or cls.handler)
            .create({"claim_id": claim.id, "remedy_type": remedy_type} | values)
        )
