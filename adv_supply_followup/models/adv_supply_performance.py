# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import fields, models, tools
from odoo.tools import SQL

PARTNER_ROLE = [("vendor", "Vendor"), ("carrier", "Carrier")]
SOURCE = [("delivery", "Delivery"), ("chase", "Chase")]

# A rate or a duration: grouped rows show their average.
_average = partial(fields.Float, aggregator="avg", readonly=True)


class AdvSupplyPerformance(models.Model):
    """Vendor and carrier performance, one row per delivery or chase (SQL view).

    A vendor's receipt is on time when received by the date first requested (the date history's
    *requested* date, else the receipt's deadline): later revisions do not excuse it. A carrier's
    shipment is on time when its proof of delivery is dated within the carrier's transit time.
    Response time: from the chase to the recorded answer.
    """

    _name = "adv.supply.performance"
    _description = "Vendor and carrier performance"
    _auto = False
    _order = "date desc"

    partner_id = fields.Many2one(comodel_name="res.partner", readonly=True)
    partner_role = fields.Selection(selection=PARTNER_ROLE, string="Role", readonly=True)
    source = fields.Selection(selection=SOURCE, readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    date = fields.Datetime(readonly=True)
    picking_id = fields.Many2one(comodel_name="stock.picking", string="Transfer", readonly=True)
    delivery_count = fields.Integer(string="Deliveries", readonly=True)
    on_time_count = fields.Integer(string="On time", readonly=True)
    on_time_rate = _average(string="On-time rate (%)")
    delay_days = _average(string="Average delay (days)")
    chase_count = fields.Integer(string="Chases", readonly=True)
    response_days = _average(string="Response time (days)", digits=(16, 1))

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """CREATE OR REPLACE VIEW %(table)s AS (
                SELECT row_number() OVER () AS id, u.* FROM (
                    SELECT r.partner_id, 'vendor' AS partner_role, 'delivery' AS source,
                           r.company_id, r.date_done AS date, r.picking_id,
                           1 AS delivery_count,
                           (r.date_done::date <= r.due::date)::int AS on_time_count,
                           CASE WHEN r.date_done::date <= r.due::date THEN 100.0 ELSE 0.0 END
                               AS on_time_rate,
                           GREATEST(0, r.date_done::date - r.due::date)::float AS delay_days,
                           0 AS chase_count, NULL::float AS response_days
                      FROM (SELECT p.id AS picking_id, po.partner_id, p.company_id, p.date_done,
                                   COALESCE(MIN(h.date), MIN(m.date_deadline), p.scheduled_date)
                                       AS due
                              FROM stock_picking p
                              JOIN stock_picking_type t ON t.id = p.picking_type_id
                              JOIN stock_move m ON m.picking_id = p.id
                              JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
                              JOIN purchase_order po ON po.id = pol.order_id
                         LEFT JOIN adv_purchase_line_date h
                                ON h.line_id = pol.id AND h.kind = 'requested'
                             WHERE t.code = 'incoming' AND p.state = 'done'
                          GROUP BY p.id, po.partner_id) r
                    UNION ALL
                    SELECT c.adv_partner_id, 'carrier', 'delivery', p.company_id, p.date_done,
                           p.id, 1,
                           (p.adv_pod_date <= p.date_done::date
                                + COALESCE(ct.transit_days, c.adv_transit_days, 0))::int,
                           CASE WHEN p.adv_pod_date <= p.date_done::date
                                + COALESCE(ct.transit_days, c.adv_transit_days, 0)
                                THEN 100.0 ELSE 0.0 END,
                           GREATEST(0, p.adv_pod_date - (p.date_done::date
                                + COALESCE(ct.transit_days, c.adv_transit_days, 0)))::float,
                           0, NULL::float
                      FROM stock_picking p
                      JOIN delivery_carrier c ON c.id = p.carrier_id
                 LEFT JOIN res_partner dest ON dest.id = p.partner_id
                 LEFT JOIN adv_carrier_transit ct
                        ON ct.carrier_id = c.id AND ct.country_id = dest.country_id
                     WHERE p.state = 'done' AND p.adv_pod_date IS NOT NULL
                       AND c.adv_partner_id IS NOT NULL
                    UNION ALL
                    SELECT ch.partner_id,
                           CASE WHEN ch.kind = 'no_pod' THEN 'carrier' ELSE 'vendor' END,
                           'chase', ch.company_id, ch.date_opened, ch.picking_id, 0, 0,
                           NULL::float, NULL::float, 1,
                           CASE WHEN ch.date_answer IS NOT NULL
                                THEN EXTRACT(EPOCH FROM ch.date_answer - ch.date_opened) / 86400
                           END
                      FROM adv_supply_chase ch
                     WHERE ch.partner_id IS NOT NULL AND ch.kind != 'late_shipment'
                ) u)""",
                table=SQL.identifier(self._table),
            )
        )
