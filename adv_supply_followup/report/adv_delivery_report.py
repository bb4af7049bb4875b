# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import api, fields, models
from odoo.tools import SQL, drop_view_if_exists

# Rates a pivot cannot sum: whatever aggregator the pivot asks for (its default is the field's
# ``avg``), the group's value is the average of the rows' 0 / 100 values, the share in %.
RATE_FIELDS = ("otif_rate", "in_full_rate")

_rate = partial(fields.Float, aggregator="avg", readonly=True, digits=(16, 1))


class AdvDeliveryReport(models.Model):
    """Deliveries against the promised date, one row per customer order line that is due: a
    line of goods (no service, note or section line) of a confirmed order whose promised day is
    over. Promised date: the order's *Delivery Date* (``commitment_date``), else the order date
    plus the line's lead time (``customer_lead``), as Odoo computes the line's expected date and
    the delivery's deadline. Days are those of the salesperson's time zone (their preferences;
    else the company's address, else UTC): the day the customer was promised.

    Delivered: the quantity of the done moves of the line to a customer location, minus the
    returns credited to the order (``to_refund``), in the product's unit. *On time in full*
    (OTIF): the quantity delivered by the end of the promised day covers the ordered quantity.
    A line is *late* while the quantity delivered today does not cover it; its late value is
    the untaxed value of what is still to deliver, in the company's currency (the order's
    rate)."""

    _name = "adv.delivery.report"
    _description = "Deliveries against the promised date"
    _auto = False
    _order = "date_promised desc, id desc"

    date_promised = fields.Date(string="Promised date", readonly=True)
    order_id = fields.Many2one(comodel_name="sale.order", readonly=True)
    order_line_id = fields.Many2one(
        comodel_name="sale.order.line", string="Order line", readonly=True
    )
    partner_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one(comodel_name="product.product", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one(comodel_name="crm.team", string="Sales Team", readonly=True)
    warehouse_id = fields.Many2one(comodel_name="stock.warehouse", readonly=True)
    currency_id = fields.Many2one(comodel_name="res.currency", readonly=True)
    qty_ordered = fields.Float(
        string="Ordered", readonly=True, digits="Product Unit of Measure", aggregator="sum"
    )
    qty_on_time = fields.Float(
        string="Delivered by the promised date",
        readonly=True,
        digits="Product Unit of Measure",
        aggregator="sum",
    )
    qty_delivered = fields.Float(
        string="Delivered", readonly=True, digits="Product Unit of Measure", aggregator="sum"
    )
    otif_rate = _rate(
        string="On time in full (%)",
        help="100 when the quantity delivered by the end of the promised day covers the "
        "ordered quantity, else 0; grouped, the share of the lines due delivered on time in full.",
    )
    in_full_rate = _rate(
        string="Delivered in full (%)",
        help="100 when the quantity delivered to date covers the ordered quantity, else 0.",
    )
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        help="The promised day is over and the quantity delivered to date does not cover the "
        "ordered quantity.",
    )
    late_lines = fields.Integer(
        string="Late lines", readonly=True, aggregator="sum", help="1 on a late line, else 0."
    )
    days_late = fields.Integer(
        string="Days late", readonly=True, aggregator="max", help="Today - promised date."
    )
    amount_untaxed = fields.Monetary(
        string="Untaxed value", readonly=True, currency_field="currency_id"
    )
    amount_late = fields.Monetary(
        string="Value late",
        readonly=True,
        currency_field="currency_id",
        help="Untaxed value of the quantity still to deliver on a late line.",
    )

    @api.model
    def _read_group_select(self, aggregate_spec, query):
        fname, __, func = aggregate_spec.partition(":")
        if fname in RATE_FIELDS and func in ("avg", "sum", "max", "min"):
            return SQL("AVG(%s)", self._field_to_sql(self._table, fname, query))
        return super()._read_group_select(aggregate_spec, query)

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """The figures of the order lines whose promised day is over, from their quantities
        (:meth:`_lines_query`)."""
        return SQL(
            """
            SELECT id, id AS order_line_id, order_id, product_id, company_id, user_id, team_id,
                   warehouse_id, partner_id, currency_id, date_promised, qty_ordered,
                   qty_on_time, qty_delivered, amount_untaxed, is_late,
                   is_late::int AS late_lines,
                   CASE WHEN qty_on_time >= qty_ordered - rounding / 2 THEN 100.0 ELSE 0.0 END
                       AS otif_rate,
                   CASE WHEN is_late THEN 0.0 ELSE 100.0 END AS in_full_rate,
                   CASE WHEN is_late THEN today - date_promised END AS days_late,
                   CASE WHEN is_late
                        THEN amount_untaxed * (qty_ordered - GREATEST(qty_delivered, 0))
                             / qty_ordered
                        ELSE 0.0 END AS amount_late
              FROM (
                SELECT *, qty_delivered < qty_ordered - rounding / 2 AS is_late
                  FROM (%s) AS line
              ) AS due
             WHERE date_promised < today
            """,
            self._lines_query(),
        )

    def _lines_query(self):
        """One grouped pass over the order lines and their done moves to or back from a
        customer (:meth:`_moves_query`), grouped by line (and the primary keys of the joined
        rows, so that their columns can be read): quantities in the product's unit, promised
        day, delivery days and today in the salesperson's time zone. The lines are not filtered
        before they are grouped: the planner keeps a linear join whatever period the dashboard
        asks for."""
        tz = SQL("COALESCE(NULLIF(seller.tz, ''), NULLIF(company_partner.tz, ''), 'UTC')")
        promised = SQL(
            "(COALESCE(so.commitment_date, so.date_order + sol.customer_lead * interval '1 day')"
            " AT TIME ZONE 'UTC' AT TIME ZONE %s)::date",
            tz,
        )
        return SQL(
            """
            SELECT sol.id, sol.order_id, sol.product_id, so.company_id, so.user_id,
                   so.team_id, COALESCE(sol.warehouse_id, so.warehouse_id) AS warehouse_id,
                   COALESCE(cust.commercial_partner_id, cust.id) AS partner_id,
                   company.currency_id, %(promised)s AS date_promised,
                   (now() AT TIME ZONE %(tz)s)::date AS today,
                   (sol.product_uom_qty / line_uom.factor * uom.factor)::float
                       AS qty_ordered,
                   uom.rounding,
                   (sol.price_subtotal / CASE COALESCE(so.currency_rate, 0)
                                              WHEN 0 THEN 1.0 ELSE so.currency_rate END
                   )::float AS amount_untaxed,
                   (COALESCE(SUM(m.qty), 0) * uom.factor)::float AS qty_delivered,
                   (COALESCE(SUM(m.qty) FILTER (WHERE %(day)s <= %(promised)s), 0)
                    * uom.factor)::float AS qty_on_time
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_company company ON company.id = so.company_id
              JOIN res_partner company_partner ON company_partner.id = company.partner_id
              JOIN res_partner cust ON cust.id = so.partner_id
              LEFT JOIN res_users seller_user ON seller_user.id = so.user_id
              LEFT JOIN res_partner seller ON seller.id = seller_user.partner_id
              JOIN product_product pp ON pp.id = sol.product_id
              JOIN product_template pt ON pt.id = pp.product_tmpl_id
              JOIN uom_uom line_uom ON line_uom.id = sol.product_uom
              JOIN uom_uom uom ON uom.id = pt.uom_id
              LEFT JOIN (%(moves)s) m ON m.sale_line_id = sol.id
                                    AND m.product_id = sol.product_id
             WHERE so.state = 'sale' AND sol.display_type IS NULL AND pt.type = 'consu'
               AND sol.product_uom_qty > 0 AND NOT COALESCE(sol.is_downpayment, FALSE)
               AND NOT COALESCE(sol.is_delivery, FALSE)
             GROUP BY sol.id, so.id, company.id, company_partner.id, cust.id, seller.id,
                      line_uom.id, uom.id
            """,
            promised=promised,
            tz=tz,
            day=SQL("(m.date AT TIME ZONE 'UTC' AT TIME ZONE %s)::date", tz),
            moves=self._moves_query(),
        )

    def _moves_query(self):
        """The done moves of order lines to a customer (not returns unless credited to the
        order) and back from a customer (credited returns, counted negative), as Odoo counts a
        line's delivered quantity; quantity in the reference unit of its category. The customer
        locations are read once per query (an array), not looked up move by move."""
        return SQL(
            """
            SELECT m.sale_line_id, m.product_id, m.date,
                   CASE WHEN m.location_dest_id = ANY(%(customer)s) THEN 1 ELSE -1 END
                       * m.quantity / move_uom.factor AS qty
              FROM stock_move m
              JOIN uom_uom move_uom ON move_uom.id = m.product_uom
             WHERE m.sale_line_id IS NOT NULL AND m.state = 'done'
               AND ((m.location_dest_id = ANY(%(customer)s)
                     AND (m.origin_returned_move_id IS NULL OR m.to_refund))
                    OR (m.location_id = ANY(%(customer)s)
                        AND NOT m.location_dest_id = ANY(%(customer)s) AND m.to_refund))
            """,
            customer=SQL("ARRAY(SELECT id FROM stock_location WHERE usage = 'customer')"),
        )
