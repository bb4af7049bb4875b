# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The claims dashboard's deadlines and Paretos by supplier, warehouse and product, on a known
data set (the figures through the requests the dashboard makes).

Five claims of one handler. Deadlines (acknowledge within 24 h, resolve within 15 days), four
claims received on a Monday four weeks ago: C1 acknowledged after 4 h and resolved after 10 days
(both in time); C2 after 30 h and 20 days (both late); C3 neither, both deadlines past (late);
C4 acknowledged after 2 h, then rejected (no resolution clock); C5 received yesterday,
acknowledged after 1 h, its resolution still running before its deadline (neither met nor
missed). Hand-checked: acknowledged in time 3 / 5 = 60 %, 9.25 h on average ((4 + 30 + 2 + 1) /
4); resolved in time 1 / 3; 4 missed deadlines (C2 and C3, twice), all in the first week.

Claimed lines (ordered from warehouse W1 by order 1, from W2 by order 2): C1 2 x P1 at 100 and
4 x P2 at 60; C2 1 x P1 and 5 x P3 at 20; C3 2 x P2; C4 (rejected) 3 x P1. P1's main vendor is
V1 (V2 second), P2's V2, P3 has none. Cost by supplier: V2 360, V1 300; by product: P2 360, P1
300, P3 100; by warehouse (stake of the claims): W1 560 (2 claims), W2 200 (1 claim).
"""

from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import SQL

from odoo.addons.adv_base.tests.common import RpcMixin
from odoo.addons.adv_base.tools.dashboard_requests import dashboard_figures

from .common import new_claim_handler

NOW = fields.Datetime.now()
MONDAY = datetime.combine(NOW.date() - timedelta(days=28 + NOW.weekday()), time(8, 0))
PERIOD = (MONDAY.date(), NOW.date())


@tagged("post_install", "-at_install")
class TestClaimsDashboard(RpcMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.handler = new_claim_handler(cls.env, "cd_handler")
        new_test_user(cls.env, login="cd_adv_user", groups="adv_base.group_user")
        v1, v2 = cls.env["res.partner"].create([{"name": "CD Vendor 1"}, {"name": "CD Vendor 2"}])
        cls.vendors = v1, v2

        def product(name, price, vendors):
            return cls.env["product.product"].create(
                {
                    "name": name,
                    "lst_price": price,
                    "taxes_id": False,
                    "seller_ids": [
                        Command.create({"partner_id": v.id, "sequence": i})
                        for i, v in enumerate(vendors)
                    ],
                }
            )

        cls.products = p1, p2, p3 = (
            product("CD P1", 100, [v1, v2]),
            product("CD P2", 60, [v2]),
            product("CD P3", 20, []),
        )
        cls.customer = cls.env["res.partner"].create({"name": "CD Customer", "is_company": True})
        w1 = cls.env["stock.warehouse"].search([("company_id", "=", cls.env.company.id)], limit=1)
        w2 = cls.env["stock.warehouse"].create({"name": "CD South", "code": "CDS"})
        cls.warehouses = w1, w2
        orders = cls.env["sale.order"].create(
            [
                {
                    "partner_id": cls.customer.id,
                    "warehouse_id": warehouse.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": 10, "tax_id": False})
                        for p in cls.products
                    ],
                }
                for warehouse in (w1, w2)
            ]
        )
        orders.order_line.flush_recordset()
        cls.env.cr.execute(
            SQL("UPDATE sale_order_line SET qty_delivered = 10 WHERE order_id IN %s", orders._ids)
        )
        orders.order_line.invalidate_recordset(["qty_delivered"])

        def claim(order, lines):
            sale_lines = {line.product_id: line for line in order.order_line}
            return cls.env["adv.claim"].create(
                {
                    "partner_id": cls.customer.id,
                    "subject": "CD claim",
                    "user_id": cls.handler.id,
                    "sale_order_id": order.id,
                    "line_ids": [
                        Command.create({"sale_line_id": sale_lines[p].id, "quantity": qty})
                        for p, qty in lines
                    ],
                }
            )

        o1, o2 = orders
        cls.claims = (
            claim(o1, [(p1, 2), (p2, 4)]),
            claim(o2, [(p1, 1), (p3, 5)]),
            claim(o1, [(p2, 2)]),
            claim(o2, [(p1, 3)]),
            claim(o1, []),
        )
        # (received, acknowledged after h, resolved after days, state)
        clocks = [
            (MONDAY, 4, 10, "resolved"),
            (MONDAY, 30, 20, "resolved"),
            (MONDAY, None, None, "new"),
            (MONDAY, 2, None, "rejected"),
            (NOW - timedelta(days=1), 1, None, "qualified"),
        ]
        cls.env.flush_all()
        for claim_, (received, ack, resolved, state) in zip(cls.claims, clocks, strict=True):
            cls.env.cr.execute(
                SQL(
                    """UPDATE adv_claim SET date_claim = %(received)s, state = %(state)s,
                              ack_deadline = %(received)s + interval '24 hours',
                              resolution_deadline = %(received)s + interval '15 days',
                              date_ack = %(ack)s, date_resolved = %(resolved)s
                        WHERE id = %(id)s""",
                    received=received,
                    state=state,
                    ack=ack and received + timedelta(hours=ack),
                    resolved=resolved and received + timedelta(days=resolved),
                    id=claim_.id,
                )
            )
        cls.env.invalidate_all()
        cls.dashboard = cls.env.ref("adv_claims.dashboard_claims")

    def figures(self, **filters):
        filters.setdefault("salesperson", [self.handler.id])
        return dashboard_figures(self.dashboard.with_user(self.handler), PERIOD, **filters)

    def test_deadlines(self):
        figures = self.figures()
        self.assertAlmostEqual(figures["Acknowledged in time"][0]["in_time"], 0.6)
        self.assertAlmostEqual(figures["Hours to acknowledge (average)"][0]["hours"], 9.25)
        self.assertAlmostEqual(figures["Resolved in time"][0]["in_time"], 1 / 3)
        self.assertEqual(figures["Missed deadlines"][0]["late"], 4)
        missed = {
            (row["date:week"], row["clock"]): row["late"]
            for row in figures["Missed deadlines per week: acknowledgement, resolution"]
            if row["late"]
        }
        self.assertEqual(list(missed.values()), [2, 2])
        self.assertEqual({clock for __, clock in missed}, {"ack", "resolution"})
        self.assertEqual(len({week for week, __ in missed}), 1)

    def test_paretos(self):
        figures = self.figures()
        v1, v2 = self.vendors
        p1, p2, p3 = self.products
        w1, w2 = self.warehouses

        def bars(title, field, measure):
            return {row[field][0]: row[measure] for row in figures[title]}

        self.assertEqual(
            bars("Cost by supplier (Pareto)", "supplier_id", "amount"), {v2.id: 360, v1.id: 300}
        )
        self.assertEqual(
            bars("Lines by supplier (Pareto)", "supplier_id", "__count"), {v2.id: 2, v1.id: 2}
        )
        self.assertEqual(
            bars("Cost by product (Pareto)", "product_id", "amount"),
            {p2.id: 360, p1.id: 300, p3.id: 100},
        )
        self.assertEqual(
            bars("Lines by product (Pareto)", "product_id", "__count"),
            {p1.id: 2, p2.id: 2, p3.id: 1},
        )
        self.assertEqual(
            bars("Cost by warehouse (Pareto)", "warehouse_id", "amount_stake"),
            {w1.id: 560, w2.id: 200},
        )
        self.assertEqual(
            bars("Claims by warehouse (Pareto)", "warehouse_id", "__count"), {w1.id: 3, w2.id: 1}
        )

    def test_global_filters(self):
        """Another handler, or another company, and nothing of the data set is counted."""
        other = self.figures(salesperson=[self.env.user.id])
        self.assertEqual(other["Missed deadlines"][0]["late"], 0)
        self.assertFalse(other["Cost by product (Pareto)"])
        company = self.env["res.company"].create({"name": "CD Other Company"})
        self.assertFalse(self.figures(company=company.ids)["Cost by supplier (Pareto)"])

    def test_deadlines_are_the_claim_handlers(self):
        """An ADV user who is no claim handler reads no deadline figures (access rights on the
        reporting view); a handler does, through the same transport."""
        self.authenticate("cd_adv_user", "cd_adv_user")
        self.assertRefusedCall(
            "AccessError", "adv.claim.deadline.report", "read_group", [], ["late:sum"], []
        )
        self.authenticate("cd_handler", "cd_handler")
        domain = [("user_id", "=", self.handler.id)]
        rows = self.call("adv.claim.deadline.report", "read_group", domain, ["late:sum"], [])
        self.assertEqual(rows[0]["late"], 4)
