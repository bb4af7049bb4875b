# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL, drop_view_if_exists

CLOCKS = [("ack", "Acknowledgement"), ("resolution", "Resolution")]


class AdvClaimDeadlineReport(models.Model):
    """The claims' two clocks against their deadlines, one row per claim and clock: the
    acknowledgement (``date_ack`` against ``ack_deadline``) of every claim, the resolution
    (``date_resolved``, else ``date_closed``, against ``resolution_deadline``) of the claims not
    rejected. Whether a clock still running is late depends on the time of reading: a view
    computes it when the dashboard reads it, where a stored field could not."""

    _name = "adv.claim.deadline.report"
    _description = "Claim deadlines analysis"
    _auto = False
    _order = "date desc, id desc"

    clock = fields.Selection(CLOCKS, readonly=True)
    claim_id = fields.Many2one(comodel_name="adv.claim", readonly=True)
    date = fields.Datetime(string="Received on", readonly=True)
    deadline = fields.Datetime(readonly=True)
    date_done = fields.Datetime(string="Done on", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Handler", readonly=True)
    type_id = fields.Many2one(comodel_name="adv.claim.type", readonly=True)
    severity = fields.Selection(
        selection=lambda self: self.env["adv.claim"]._fields["severity"].selection,
        readonly=True,
    )
    hours = fields.Float(
        string="Hours taken",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="From the claim's receipt to the acknowledgement or resolution; empty while the "
        "clock runs.",
    )
    days = fields.Float(string="Days taken", readonly=True, aggregator="avg", digits=(16, 2))
    in_time = fields.Float(
        string="In time",
        readonly=True,
        aggregator="avg",
        help="1 when done by the deadline, 0 when done after it or still running past it, "
        "empty while running before it: its average is the share of deadlines met.",
    )
    late = fields.Integer(
        readonly=True,
        help="1 when done after the deadline or still running past it: its sum is the count "
        "of missed deadlines.",
    )

    def init(self):
        drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _query(self):
        """``id`` = 2 x claim (acknowledgement), 2 x claim + 1 (resolution)."""
        return SQL(
            """
            SELECT c.id * 2 + e.n AS id, e.clock, c.id AS claim_id, c.date_claim AS date,
                   e.deadline, e.done AS date_done, c.company_id, c.user_id, c.type_id,
                   c.severity,
                   EXTRACT(EPOCH FROM e.done - c.date_claim) / 3600.0 AS hours,
                   EXTRACT(EPOCH FROM e.done - c.date_claim) / 86400.0 AS days,
                   CASE WHEN e.done <= e.deadline THEN 1.0
                        WHEN e.done > e.deadline OR e.deadline < now() AT TIME ZONE 'UTC'
                        THEN 0.0
                   END AS in_time,
                   CASE WHEN e.done > e.deadline
                          OR (e.done IS NULL AND e.deadline < now() AT TIME ZONE 'UTC')
                        THEN 1 ELSE 0
                   END AS late
              FROM adv_claim c
             CROSS JOIN LATERAL (
                 VALUES (0, 'ack', c.ack_deadline, c.date_ack),
                        (1, 'resolution', c.resolution_deadline,
                         COALESCE(c.date_resolved, c.date_closed))
             ) AS e (n, clock, deadline, done)
             WHERE e.n = 0 OR c.state != 'rejected'
            """
        )
