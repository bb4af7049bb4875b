# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two users confirm orders of one customer at the same moment: exactly one may pass."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.adv_base.tests.common import RaceCase

ROUNDS = 20


@tagged("post_install", "-at_install")
class TestConcurrentConfirmation(RaceCase):
    def test_exactly_one_of_two_concurrent_confirmations_passes(self):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            company = env["res.company"].search([], order="id", limit=1)
            was = {f: company[f] for f in ("account_use_credit_limit", "adv_conformity_check")}
            company.write({"account_use_credit_limit": True, "adv_conformity_check": False})
            product = env["product.product"].create(
                {"name": "Race test service", "type": "service", "taxes_id": [Command.clear()]}
            )
            rounds = []
            for i in range(ROUNDS):
                partner = env["res.partner"].create(
                    {"name": f"Race customer {i}", "is_company": True}
                )
                partner.with_company(company).credit_limit = 1000.0
                orders = env["sale.order"].create(
                    [
                        {
                            "partner_id": partner.id,
                            "company_id": company.id,
                            "order_line": [
                                Command.create(
                                    {
                                        "product_id": product.id,
                                        "price_unit": 600.0,
                                        "tax_id": [],
                                    }
                                )
                            ],
                        }
                        for _ in range(2)
                    ]
                )
                rounds.append((partner.id, orders.ids))
        try:
            outcome = self.race(
                lambda env, oid: env["sale.order"].browse(oid).action_confirm(),
                [order_ids for _partner_id, order_ids in rounds],
            )
            with self.registry.cursor() as cr:
                env = self._env(cr)
                for _partner_id, order_ids in rounds:
                    states = sorted(env["sale.order"].browse(order_ids).mapped("state"))
                    self.assertEqual(states, ["draft", "sale"])
            # The lock made the second transaction wait and retry at least once.
            self.assertTrue(outcome.get("retries"))
        finally:
            with self.registry.cursor() as cr:
                env = self._env(cr)
                orders = env["sale.order"].browse([oid for _p, ids in rounds for oid in ids])
                orders._action_cancel()
                orders.unlink()
                partners = env["res.partner"].browse([p for p, _ids in rounds])
                env["adv.lock"].search(
                    [
                        ("scope", "=", "adv_order_control.credit"),
                        ("key", "in", [str(pid) for pid in partners.ids]),
                    ]
                ).unlink()
                partners.unlink()
                env["product.product"].browse(product.id).product_tmpl_id.unlink()
                env["res.company"].browse(company.id).write(was)
