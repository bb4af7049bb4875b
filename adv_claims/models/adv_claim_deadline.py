# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The claim's clocks: acknowledgement and resolution deadlines, and the carrier reserve."""

import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.holidays import reserve_deadline
from .adv_claim import CLOSED_STATES

# Default deadlines (days) when the type has no line for the severity.
DEFAULT_DEADLINES = {"low": (2, 30), "normal": (1, 15), "high": (1, 7), "critical": (0, 2)}
ACK_ACTIVITY = "adv_claims.mail_activity_claim_ack"
RESOLUTION_ACTIVITY = "adv_claims.mail_activity_claim_resolution"


class AdvClaim(models.Model):
    _inherit = "adv.claim"  # pylint: disable=consider-merging-classes-inherited

    # Carrier reserve (C. com. L133-3)
    carrier_reserve = fields.Boolean(related="type_id.carrier_reserve")
    date_delivered = fields.Date(
        string="Delivered on", compute="_compute_date_delivered", store=True, readonly=False
    )
    date_reserve = fields.Date(
        string="Reserves sent on", help="Day the reserves were notified to the carrier."
    )
    reserve_deadline = fields.Date(compute="_compute_reserve", store=True)
    reserve_late = fields.Boolean(
        string="Late reserve",
        compute="_compute_reserve",
        store=True,
        help="The reserves reached the carrier after the three days of L133-3.",
    )
    # Deadlines
    ack_deadline = fields.Datetime(
        string="Acknowledge by", compute="_compute_deadlines", store=True
    )
    resolution_deadline = fields.Datetime(
        string="Resolve by", compute="_compute_deadlines", store=True, index=True
    )
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late")

    @api.depends("picking_id.date_done")
    def _compute_date_delivered(self):
        for claim in self:
            if claim.picking_id.date_done:
                claim.date_delivered = claim.picking_id.date_done.date()

    @api.depends("date_delivered", "date_reserve", "type_id.carrier_reserve")
    def _compute_reserve(self):
        for claim in self:
            deadline = (
                reserve_deadline(claim.date_delivered)
                if claim.date_delivered and claim.type_id.carrier_reserve
                else False
            )
            claim.reserve_deadline = deadline
            claim.reserve_late = bool(
                deadline and claim.date_reserve and claim.date_reserve > deadline
            )

    @api.depends("date_claim", "type_id", "severity")
    def _compute_deadlines(self):
        table = self.env["adv.claim.type"]._deadline_table(self.type_id.ids)
        for claim in self:
            severity = claim.severity or "normal"
            ack, resolution = table.get((claim.type_id.id, severity), DEFAULT_DEADLINES[severity])
            start = claim.date_claim or fields.Datetime.now()
            claim.ack_deadline = start + datetime.timedelta(days=ack or 0.5)
            claim.resolution_deadline = start + datetime.timedelta(days=resolution)

    @api.depends("state", "ack_deadline", "resolution_deadline", "date_ack")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for claim in self:
            claim.is_late = claim._adv_is_open() and bool(
                (not claim.date_ack and claim.ack_deadline and claim.ack_deadline < now)
                or (claim.resolution_deadline and claim.resolution_deadline < now)
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late claims."))
        now = fields.Datetime.now()
        late = [
            "&",
            ("state", "not in", CLOSED_STATES),
            "|",
            ("resolution_deadline", "<", now),
            "&",
            ("date_ack", "=", False),
            ("ack_deadline", "<", now),
        ]
        # Deadlines are always set (computed from the receipt date): negation is exact.
        return late if (operator == "=") == value else ["!", *late]

    # ------------------------------------------------------------
    # The handler's activities follow the deadlines
    # ------------------------------------------------------------

    def _schedule_acknowledgement(self):
        for claim in self:
            if claim.user_id and not claim.date_ack:
                claim._schedule_deadline_activity(ACK_ACTIVITY, claim.ack_deadline)

    def _schedule_resolution(self):
        activity_type = self.env.ref(RESOLUTION_ACTIVITY)
        for claim in self:
            if claim.user_id and activity_type not in claim.activity_ids.activity_type_id:
                claim._schedule_deadline_activity(RESOLUTION_ACTIVITY, claim.resolution_deadline)

    def _schedule_deadline_activity(self, xmlid, deadline):
        self.ensure_one()
        self.activity_schedule(
            xmlid,
            date_deadline=fields.Date.context_today(self, deadline),
            user_id=self.user_id.id,
        )

    def _reschedule_deadlines(self):
        """Move the open acknowledgement / resolution activities to the new deadlines."""
        ack = self.env.ref(ACK_ACTIVITY)
        resolution = self.env.ref(RESOLUTION_ACTIVITY)
        for claim in self:
            for activity in claim.activity_ids:
                if activity.activity_type_id == ack:
                    deadline = claim.ack_deadline
                elif activity.activity_type_id == resolution:
                    deadline = claim.resolution_deadline
                else:
                    continue
                activity.date_deadline = fields.Date.context_today(claim, deadline)
