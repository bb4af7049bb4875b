# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two users confirm orders of one customer at the same moment: exactly one may pass.

Real cursors in real threads: the fixtures are committed (then removed), each thread runs its own
transaction, and both take their snapshot before either confirms (a barrier), the worst case
under REPEATABLE READ. A serialization failure is retried as Odoo's HTTP layer would.
"""

import threading

from psycopg2.extensions import TransactionRollbackError

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

ROUNDS = 20


@tagged("post_install", "-at_install")
class TestConcurrentConfirmation(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _confirm(self, order_id, barrier, outcome):
        for attempt in range(5):
            try:
                with self.registry.cursor() as cr:
                    env = self._env(cr)
                    cr.execute("SELECT 1")  # the snapshot is taken here
                    if attempt == 0:
                        barrier.wait(timeout=30)
                    env["sale.order"].browse(order_id).action_confirm()
                return
            except TransactionRollbackError:  # noqa: PERF203 (a retry loop)
                outcome.setdefault("retries", []).append(order_id)
        outcome.setdefault("gave_up", []).append(order_id)

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
            outcome = {}
            for _partner_id, order_ids in rounds:
                barrier = threading.Barrier(2)
                threads = [
                    threading.Thread(target=self._confirm, args=(oid, barrier, outcome))
                    for oid in order_ids
                ]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join(timeout=60)
            self.assertFalse(outcome.get("gave_up"))
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
                env["adv.credit.lock"].search([("partner_id", "in", partners.ids)]).unlink()
                partners.unlink()
                env["product.product"].browse(product.id).product_tmpl_id.unlink()
                env["res.company"].browse(company.id).write(was)
