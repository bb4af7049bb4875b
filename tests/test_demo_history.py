# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The demo's past months (scripts/demo_history.py), played over two weeks: each kind of
event runs by the addons' own methods at its moment in the past, and a second play does nothing."""

import importlib
import sys
from datetime import date
from pathlib import Path

from stdnum.eu import vat as eu_vat
from stdnum.fr import siret as fr_siret

from odoo.tests import tagged
from odoo.tests.common import TransactionCase

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _history_module():
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module("demo_history")


@tagged("post_install", "-at_install")
class TestDemoHistory(TransactionCase):
    """Two weeks of two orders, a claim on every delivery: the shortest history that runs each
    kind of event (the demo plays 13 weeks of 3 or 4 orders)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.module = _history_module()

        class ShortHistory(cls.module.History):
            def n_orders(self):
                return 2

        admin = cls.env.ref("base.user_admin")
        cls.env = cls.env(user=admin, context=dict(cls.env.context, lang="en_US"))
        cls.today = date(2026, 6, 3)  # a Wednesday: the history starts on Monday 18 May
        cls.history = ShortHistory(cls.env, cls.today, weeks=2)
        cls.history.claim_rate = 1.0
        cls.stats = cls.history.play()

    def test_identities_are_valid(self):
        for n in range(60):
            identity = self.module.french_identity(n)
            self.assertTrue(fr_siret.is_valid(identity["company_registry"]), identity)
            self.assertTrue(eu_vat.is_valid(identity["vat"]), identity)

    def test_events_are_dated_in_the_past_by_the_real_methods(self):
        start, today = date(2026, 5, 18), self.today
        customers = self.history.customers
        self.assertEqual(self.stats["orders"], 4)
        cash = self.env["adv.order.cash.report"].search([("partner_id", "in", customers.ids)])
        self.assertIn("confirmed", cash.mapped("kind"))
        self.assertTrue(all(start <= d.date() < today for d in cash.mapped("date")))
        orders = self.env["sale.order"].search([("partner_id", "in", customers.ids)])
        self.assertEqual(len(orders), 4)
        self.assertTrue(all(start <= o.create_date.date() < today for o in orders))
        # each order at its own moment of the two weeks
        self.assertEqual(len({o.date_order.isocalendar()[1] for o in orders}), 2)
        moves = orders.picking_ids.move_ids.filtered(lambda m: m.state == "done")
        self.assertTrue(moves)
        self.assertTrue(all(start <= d.date() < today for d in moves.mapped("date")))
        invoices = orders.invoice_ids
        self.assertTrue(invoices)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        self.assertTrue(all(start <= d < today for d in invoices.mapped("invoice_date")))
        claims = self.env["adv.claim"].search([("partner_id", "in", customers.ids)])
        self.assertEqual(len(claims), self.stats["claims"])
        self.assertTrue(claims)
        self.assertTrue(claims.filtered("date_ack"))  # the later ones are acknowledged after today
        for claim in claims.filtered("date_ack"):
            self.assertLess(claim.date_claim, claim.date_ack)
            self.assertLess(claim.date_ack.date(), today)
        runs = self.env["adv.dunning.run"].search([("date", ">=", start), ("date", "<", today)])
        self.assertEqual(sorted(runs.mapped("date")), [start, date(2026, 5, 25)])
        receipts = self.history.purchases.picking_ids.filtered(lambda p: p.state == "done")
        self.assertTrue(receipts)
        self.assertTrue(all(start <= d.date() < today for d in receipts.mapped("date_done")))
        # nothing of the history is left in anyone's My Day
        for records in self.history.records:
            self.assertFalse(
                self.env["mail.activity"].search(
                    [("res_model", "=", records._name), ("res_id", "in", records.ids)]
                )
            )

    def test_played_once(self):
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(self.module.MARKER, "2026-06-03 played")
        count = self.env["sale.order"].search_count([])
        self.assertIsNone(self.module.play_history(self.env, self.today, weeks=1))
        self.assertEqual(self.env["sale.order"].search_count([]), count)
