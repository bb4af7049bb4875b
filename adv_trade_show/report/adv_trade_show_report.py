# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists
from odoo.tools.sql import column_exists

# Ratios a pivot cannot sum or average: whatever aggregator the pivot asks for, the group's value
# is the ratio of the sums of its rows, as the show's form computes it for one show.
RATIO_FIELDS = ("cost_per_lead", "roi")
# The view's comment tells where its won revenue comes from (see ``_register_hook``).
WON_FROM = {True: "won revenue: sale orders", False: "won revenue: won leads"}


class AdvTradeShowReport(models.Model):
    """Trade show results, one row per show: its leads, actual cost and won revenue, with the
    definitions of the show's form (``adv.trade.show``: ``lead_count``, ``budget_actual``,
    ``won_revenue``). ``cost_per_lead`` and ``roi`` are ratios of the sums of the rows of a
    group (``_read_group_select``), so the dashboard's scorecards and charts read them for any
    grouping and filter."""

    _name = "adv.trade.show.report"
    _description = "Trade show results analysis"
    _auto = False
    _order = "date desc, id desc"

    show_id = fields.Many2one(comodel_name="adv.trade.show", readonly=True)
    date = fields.Date(string="Show date", readonly=True, help="First day of the show.")
    state = fields.Selection(
        selection=lambda self: self.env["adv.trade.show"]._fields["state"].selection,
        readonly=True,
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(comodel_name="res.users", string="Responsible", readonly=True)
    team_id = fields.Many2one(comodel_name="crm.team", string="Sales Team", readonly=True)
    lead_count = fields.Integer(string="Leads", readonly=True)
    cost = fields.Monetary(string="Actual cost", readonly=True)
    won_revenue = fields.Monetary(readonly=True)
    cost_per_lead = fields.Monetary(
        readonly=True, aggregator="sum", help="Actual cost / leads, over the shows of the group."
    )
    roi = fields.Float(
        string="ROI",
        readonly=True,
        aggregator="sum",
        help="(won revenue - actual cost) / actual cost, over the shows of the group.",
    )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        if fname in RATIO_FIELDS and func in ("avg", "sum", "max", "min"):
            cost = SQL("SUM(%s)", self._field_to_sql(self._table, "cost", query))
            if fname == "cost_per_lead":
                leads = self._field_to_sql(self._table, "lead_count", query)
                return SQL("COALESCE(%s / NULLIF(SUM(%s), 0), 0)", cost, leads)
            won = self._field_to_sql(self._table, "won_revenue", query)
            return SQL("COALESCE((SUM(%s) - %s) / NULLIF(%s, 0), 0)", won, cost, cost)
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        # Sales' CRM link may be installed but not loaded yet: its column tells.
        self._create_view(column_exists(self.env.cr, "sale_order", "opportunity_id"))

    def _create_view(self, from_orders):
        table = SQL.identifier(self._table)
        query = self._query(from_orders)  # the same columns either way: the view is replaced
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", table, query))
        self.env.cr.execute(SQL("COMMENT ON VIEW %s IS %s", table, WON_FROM[from_orders]))

    def _register_hook(self):
        """Sales' CRM link installed (or removed, which drops the view with its column) after
        this addon: the view follows the show's form (``_won_from_sale_orders``), rebuilt once
        when its comment says otherwise."""
        super()._register_hook()
        from_orders = self.env["adv.trade.show"]._won_from_sale_orders()
        self.env.cr.execute(SQL("SELECT obj_description(to_regclass(%s), 'pg_class')", self._table))
        if self.env.cr.fetchone()[0] != WON_FROM[from_orders]:
            self._create_view(from_orders)

    def _query(self, from_orders):
        """One row per show (``id`` = the show's). Leads: all the show's leads and
        opportunities, archived included; cost: the actual amounts of its budget; won revenue:
        the confirmed orders of its leads (company currency, confirmed up to 12 months after the
        show) with Sales' CRM link, else the expected revenue of its won leads."""
        if from_orders:
            won = SQL(
                """SELECT l.adv_show_id AS show_id,
                          SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                              AS amount
                     FROM sale_order so
                     JOIN crm_lead l ON l.id = so.opportunity_id
                     JOIN adv_trade_show s ON s.id = l.adv_show_id
                    WHERE so.state = 'sale'
                      AND so.company_id = s.company_id
                      AND so.date_order < s.date_end + interval '12 months' + interval '1 day'
                 GROUP BY l.adv_show_id"""
            )
        else:
            won = SQL(
                """SELECT l.adv_show_id AS show_id, SUM(l.expected_revenue) AS amount
                     FROM crm_lead l
                     JOIN crm_stage st ON st.id = l.stage_id
                    WHERE l.adv_show_id IS NOT NULL AND st.is_won
                 GROUP BY l.adv_show_id"""
            )
        return SQL(
            """
            SELECT s.id, s.id AS show_id, s.date_begin AS date, s.state, s.company_id,
                   s.user_id, s.team_id,
                   COALESCE(leads.n, 0) AS lead_count,
                   COALESCE(budget.amount, 0)::numeric AS cost,
                   COALESCE(won.amount, 0)::numeric AS won_revenue,
                   NULL::numeric AS cost_per_lead, NULL::float AS roi
              FROM adv_trade_show s
              LEFT JOIN (
                  SELECT adv_show_id AS show_id, COUNT(*) AS n
                    FROM crm_lead WHERE adv_show_id IS NOT NULL GROUP BY adv_show_id
              ) AS leads ON leads.show_id = s.id
              LEFT JOIN (
                  SELECT show_id, SUM(actual_amount) AS amount
                    FROM adv_trade_show_budget GROUP BY show_id
              ) AS budget ON budget.show_id = s.id
              LEFT JOIN (%s) AS won ON won.show_id = s.id
            """,
            won,
        )
