# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists

EVENT_KINDS = [
    ("confirmed", "Confirmed"),
    ("held", "Held"),
    ("released", "Released"),
    ("refused", "Refused"),
]

# Measures a pivot cannot aggregate: whatever aggregator the pivot asks for (its default is the
# field's ``avg``), the group's value is this percentile of the rows' hours.
PERCENTILE_FIELDS = {"hold_hours_median": 0.5, "hold_hours_p90": 0.9}


class AdvOrderCashReport(models.Model):
    """Order to cash, one row per event of an order: its confirmation, each hold of the credit
    control (a check that needed an approval or blocked), and each decision on a hold (release
    or refusal). The ADV dashboards group these rows by week; ``hold_hours_median`` and
    ``hold_hours_p90`` are percentiles of the hold-to-release time of the rows of a group."""

    _name = "adv.order.cash.report"
    _description = "Order to cash analysis"
    _auto = False
    _order = "date desc, id desc"

    kind = fields.Selection(EVENT_KINDS, string="Event", readonly=True)
    date = fields.Datetime(readonly=True)
    order_id = fields.Many2one(comodel_name="sale.order", readonly=True)
    check_id = fields.Many2one(comodel_name="adv.order.check", string="Credit check", readonly=True)
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one(comodel_name="crm.team", string="Sales Team", readonly=True)
    hold_hours = fields.Float(
        string="Hold to release (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    hold_hours_median = fields.Float(
        string="Hold to release, median (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    hold_hours_p90 = fields.Float(
        string="Hold to release, p90 (h)", readonly=True, aggregator="avg", digits=(16, 1)
    )
    without_hold = fields.Float(
        string="Confirmed without a hold",
        readonly=True,
        aggregator="avg",
        help="On confirmations: 1 when the order was never held, else 0; its average over "
        "confirmations is the share of orders confirmed without a hold.",
    )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        if fname in PERCENTILE_FIELDS and func in ("avg", "sum", "max", "min"):
            expr = self._field_to_sql(self._table, fname, query)
            return SQL(
                "PERCENTILE_CONT(%s) WITHIN GROUP (ORDER BY %s)", PERCENTILE_FIELDS[fname], expr
            )
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """Confirmations (``id`` = 4 x order), holds, releases and refusals (4 x check + 1, 2,
        3): the ids stay stable and distinct. ``date_order`` is the confirmation date of a
        confirmed order (Odoo sets it when the order is confirmed)."""
        return SQL(
            """
            SELECT so.id * 4 AS id, 'confirmed' AS kind, so.date_order AS date,
                   so.id AS order_id, NULL::integer AS check_id, so.partner_id, so.company_id,
                   so.user_id, so.team_id, NULL::float AS hold_hours,
                   NULL::float AS hold_hours_median, NULL::float AS hold_hours_p90,
                   CASE WHEN held.order_id IS NULL THEN 1.0 ELSE 0.0 END AS without_hold
              FROM sale_order so
              LEFT JOIN (
                  SELECT DISTINCT order_id FROM adv_order_check
                   WHERE outcome IN ('approval', 'block')
              ) AS held ON held.order_id = so.id
             WHERE so.state = 'sale'
            UNION ALL
            SELECT c.id * 4 + e.n AS id, e.kind,
                   CASE WHEN e.n = 1 THEN c.date ELSE c.release_date END AS date,
                   c.order_id, c.id AS check_id, c.partner_id, c.company_id,
                   so.user_id, so.team_id, e.hours, e.hours, e.hours, NULL::float
              FROM adv_order_check c
              JOIN sale_order so ON so.id = c.order_id
              CROSS JOIN LATERAL (
                  VALUES (1, 'held', NULL::float),
                         (2, 'released', EXTRACT(EPOCH FROM c.release_date - c.date) / 3600.0),
                         (3, 'refused', NULL::float)
              ) AS e (n, kind, hours)
             WHERE c.outcome IN ('approval', 'block')
               AND (e.n = 1 OR (e.n = 2 AND c.state = 'released')
                    OR (e.n = 3 AND c.state = 'refused'))
            """
        )
