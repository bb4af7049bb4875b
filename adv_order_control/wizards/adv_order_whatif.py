# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What if enforced: the orders of the last N days that the current rules would have warned
about, sent for approval or blocked, by rule and by customer, with their amounts.

The rules are the control's own (``sale.order._adv_decisions``: the credit rules, the conformity
checks and the releases, as at a confirmation), applied to facts gathered for all the orders at
once (``adv.credit.exposure._get_order_facts``). What it approximates: each order is evaluated as
if it were confirmed today, against its customer's exposure as it is today (the order itself
taken out of the orders not invoiced while it is not fully invoiced), the customer's data as it
is today (limit, review date, hold, agreement, addresses) and today's date for the requested
delivery date; orders do not count each other as they would have one after the other."""

from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

from ..tools.credit_rules import APPROVAL, BLOCK, SEVERITY, WARN

MAX_DAYS = 3660
ORDER_FIELDS = [
    "name",
    "state",
    "date_order",
    "company_id",
    "currency_id",
    "currency_rate",
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "user_id",
    "client_order_ref",
    "incoterm",
    "commitment_date",
    "payment_term_id",
    "invoice_status",
    "adv_credit_state",
    "order_line",
]
LINE_FIELDS = [
    "display_type",
    "product_id",
    "product_uom",
    "product_uom_qty",
    "price_subtotal",
    "price_total",
    "discount",
    "customer_lead",
]
PARTNER_FIELDS = ["name", "commercial_partner_id", "street", "zip", "city", "country_id", "vat"]
CUSTOMER_FIELDS = [
    "create_date",
    "credit_limit",
    "adv_credit_review_date",
    "adv_insured_amount",
    "adv_min_order_amount",
    "adv_buys_by_packaging",
    "adv_require_po_ref",
    "property_payment_term_id",
]


class AdvOrderWhatif(models.Model):
    """A what-if report: kept a day for its author (record rule), then removed with its lines
    by Odoo's daily clean-up (``_gc_reports``). A plain model, not a transient one, so that its
    lines, written tens of thousands at a time, can be plain rows too (see the line model)."""

    _name = "adv.order.whatif"
    _description = "What if the order control were enforced"

    company_id = fields.Many2one(
        comodel_name="res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    days = fields.Integer(string="Last days", default=90, required=True)
    computed = fields.Boolean(readonly=True)
    order_count = fields.Integer(string="Orders evaluated", readonly=True)
    warn_count = fields.Integer(string="Warned", readonly=True)
    approval_count = fields.Integer(string="Sent for approval", readonly=True)
    block_count = fields.Integer(string="Blocked", readonly=True)
    warn_amount = fields.Monetary(string="Amount warned", readonly=True)
    approval_amount = fields.Monetary(string="Amount sent for approval", readonly=True)
    block_amount = fields.Monetary(string="Amount blocked", readonly=True)
    line_ids = fields.One2many(
        comodel_name="adv.order.whatif.line", inverse_name="wizard_id", readonly=True
    )

    @api.constrains("days")
    def _check_days(self):
        for wizard in self:
            if not 0 < wizard.days <= MAX_DAYS:
                raise ValidationError(
                    self.env._("Give a number of days between 1 and %(max)s.", max=MAX_DAYS)
                )

    @api.autovacuum
    def _gc_reports(self):
        """Remove the reports of more than a day ago (their lines go with them)."""
        self.sudo().search(
            [("create_date", "<", fields.Datetime.now() - timedelta(days=1))]
        ).unlink()

    def _check_controller(self):
        if not self.env.user.has_group("adv_order_control.group_credit_controller"):
            raise AccessError(self.env._("Only credit controllers can run the what-if report."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_compute(self):
        self.ensure_one()
        self._check_controller()
        self.line_ids.sudo().unlink()  # written by the report only (read-only to users)
        orders = self._orders()
        # The report keeps rules and outcomes, not the messages: no money formatting.
        decisions = orders._adv_decisions(self._facts(orders), describe=lambda rule, fact: "")
        self._store(orders, decisions)
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_open_by_rule(self):
        return self._open_lines(self.env._("What if enforced: by rule"), "rule", by_order=False)

    def action_open_by_customer(self):
        return self._open_lines(
            self.env._("What if enforced: by customer"), "partner_id", by_order=True
        )

    def _open_lines(self, name, row, by_order):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_order_control.adv_order_whatif_line_action"
        )
        domain = [("wizard_id", "=", self.id)] + ([("is_order", "=", True)] if by_order else [])
        col = "order_outcome" if by_order else "outcome"
        action.update(
            name=name,
            domain=domain,
            context={"pivot_row_groupby": [row], "pivot_column_groupby": [col]},
        )
        return action

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _orders(self):
        """The company's confirmed orders of the last ``days`` days, their data read at once."""
        since = fields.Datetime.now() - timedelta(days=self.days)
        # As superuser in the company: the checks' own ``with_company().sudo()`` then reuse this
        # environment (and its cache) instead of making one per order.
        orders = (
            self.env["sale.order"]
            .sudo()
            .with_company(self.company_id)
            .search(
                [
                    ("company_id", "=", self.company_id.id),
                    ("state", "=", "sale"),
                    ("date_order", ">=", since),
                ],
                order="date_order, id",
            )
        )
        self._prefetch(orders)
        return orders

    def _prefetch(self, orders):
        """Everything the rules read, one query per model whatever the number of orders."""
        orders.fetch(ORDER_FIELDS)
        orders.order_line.fetch(LINE_FIELDS)
        partners = orders.partner_id | orders.partner_invoice_id | orders.partner_shipping_id
        partners.fetch(PARTNER_FIELDS)
        customers = partners.commercial_partner_id.with_company(self.company_id)
        customers.fetch(PARTNER_FIELDS + CUSTOMER_FIELDS)
        orders.user_id.fetch(["name", "adv_max_discount"])
        orders.order_line.product_id.fetch(["display_name", "uom_id", "packaging_ids"])
        stopped = orders.filtered(lambda o: o.adv_credit_state != "ok")
        stopped.fetch(["adv_check_ids"])

    def _facts(self, orders):
        """The control's facts for ``orders`` as if each were confirmed today (see the module's
        docstring): its whole amount added to what its customer owes today, less itself."""
        facts = self.env["adv.credit.exposure"].sudo()._get_order_facts(orders)
        for order, fact in facts.items():
            fact.this_order = fact.order_total
            if order.invoice_status != "invoiced":
                fact.uninvoiced_orders = max(fact.uninvoiced_orders - fact.order_total, 0.0)
        return facts

    def _store(self, orders, decisions):
        """The lines (one SQL insert) and the totals by outcome."""
        rows, totals = [], {WARN: [0, 0.0], APPROVAL: [0, 0.0], BLOCK: [0, 0.0]}
        for order, (fact, results) in decisions.items():
            if not results:
                continue
            worst = max(results, key=lambda r: SEVERITY[r.outcome])
            totals[worst.outcome][0] += 1
            totals[worst.outcome][1] += fact.order_total
            customer = order.partner_invoice_id.commercial_partner_id.id
            rows += [
                (order.id, customer, order.date_order, r.rule, r.outcome, worst.outcome)
                + (r is worst, fact.order_total)
                for r in results
            ]
        self._insert_lines(rows)
        self.write(
            {
                "computed": True,
                "order_count": len(orders),
                **{f"{outcome}_count": count for outcome, (count, _a) in totals.items()},
                **{f"{outcome}_amount": amount for outcome, (_c, amount) in totals.items()},
            }
        )

    def _insert_lines(self, rows):
        if not rows:
            return
        self.env.flush_all()
        columns = list(zip(*rows, strict=True))
        self.env.cr.execute(
            SQL(
                """INSERT INTO adv_order_whatif_line (wizard_id, order_id, partner_id,
                       date_order, rule, outcome, order_outcome, is_order, amount)
                SELECT %(wizard)s, o, p, d, r, oc, w, i, a
                  FROM unnest(%(o)s::int[], %(p)s::int[], %(d)s::timestamp[], %(r)s::varchar[],
                              %(oc)s::varchar[], %(w)s::varchar[], %(i)s::bool[],
                              %(a)s::numeric[]) AS t(o, p, d, r, oc, w, i, a)""",
                wizard=self.id,
                o=list(columns[0]),
                p=list(columns[1]),
                d=list(columns[2]),
                r=list(columns[3]),
                oc=list(columns[4]),
                w=list(columns[5]),
                i=list(columns[6]),
                a=list(columns[7]),
            )
        )
        self.invalidate_recordset(["line_ids"])
