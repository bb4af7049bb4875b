# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims analysis: resolution time, Pareto of the cost of non-quality, claim rate."""

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.pareto import pareto_rows


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    resolution_days = fields.Float(
        string="Days to resolve", compute="_compute_resolution_days", store=True, aggregator="avg"
    )
    claim_count = fields.Integer(default=1, string="Claims", help="For the pivot: 1 per claim.")
    warehouse_id = fields.Many2one(
        comodel_name="stock.warehouse",
        compute="_compute_warehouse_id",
        store=True,
        index="btree_not_null",
        help="The warehouse that shipped the claimed delivery, else the order's warehouse.",
    )

    @api.depends("date_claim", "date_resolved")
    def _compute_resolution_days(self):
        for claim in self:
            if claim.date_resolved and claim.date_claim:
                delta = claim.date_resolved - claim.date_claim
                claim.resolution_days = round(delta.total_seconds() / 86400, 2)
            else:
                claim.resolution_days = 0.0

    @api.depends("picking_id.picking_type_id.warehouse_id", "sale_order_id.warehouse_id")
    def _compute_warehouse_id(self):
        for claim in self:
            claim.warehouse_id = (
                claim.picking_id.picking_type_id.warehouse_id or claim.sale_order_id.warehouse_id
            )

    @api.model
    def _adv_pareto(self, groupby, domain=None, measure="amount_stake"):
        """Pareto of the claims by ``groupby`` (e.g. ``type_id``, ``responsible_party``,
        ``carrier_id``, ``commercial_partner_id``): one grouped query.

        Returns rows ``(group, value, count, cumulative %, in the first 80 %)``, largest first;
        a group is in the 80 % when the cumulative share *before* it is below 80 %.
        """
        groups = self._read_group(
            domain or [], [groupby], [f"{measure}:sum", "__count"], order=f"{measure}:sum desc"
        )
        return pareto_rows(groups)

    @api.model
    def _adv_delivered_line_counts(self, partner_ids, since):
        """``{commercial partner id: order lines delivered since}`` in one SQL query: the
        denominator of the claim rate."""
        query = SQL(
            """
            SELECT p.commercial_partner_id, COUNT(DISTINCT sol.id)
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner p ON p.id = so.partner_id
             WHERE p.commercial_partner_id = ANY(%(partners)s)
               AND sol.qty_delivered > 0
               AND so.date_order >= %(since)s
          GROUP BY p.commercial_partner_id
            """,
            partners=list(partner_ids),
            since=since,
        )
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())
