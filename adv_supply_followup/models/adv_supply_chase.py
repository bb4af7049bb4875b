# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, time
from functools import partial

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.chase_rules import CHANNEL, CHASE_KIND, CHASE_STATE, CLOSE_REASON

# The company of a record the daily generation creates (chases, stock risks): set once.
generated_company = partial(
    fields.Many2one,
    comodel_name="res.company",
    required=True,
    readonly=True,
    index=True,
    default=lambda self: self.env.company,
)
# The number of a document's chases (its stat button), for the supply team.
document_chase_count = partial(
    fields.Integer,
    string="Number of chases",
    compute="_compute_adv_chase_count",
    groups="adv_supply_followup.group_supply_followup",
)
# What the generation links a chase to (its level, its document), in the chase's company.
_generated_link = partial(fields.Many2one, readonly=True, check_company=True)


class AdvSupplyChase(models.Model):
    """One chase of a vendor, a carrier or the shipping team about one document at one level.

    Generated daily by :meth:`_generate` (idempotent: a unique index allows one open chase per
    document, kind and level), answered by the counterpart (:meth:`_record_answer`: a new
    promised date flows into Odoo's own dates), closed when the document no longer needs it.

    This file holds the chase and its answers; the daily generation is in
    ``adv_supply_chase_generation.py``, the e-mails and activities of a level in
    ``adv_supply_chase_mailing.py``.
    """

    _name = "adv.supply.chase"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Supply chase"
    _order = "escalation desc, date_reference, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    name = fields.Char(string="Document", required=True, readonly=True)
    kind = fields.Selection(selection=CHASE_KIND, required=True, readonly=True, index=True)
    level_id = _generated_link(comodel_name="adv.supply.chase.level", ondelete="restrict")
    channel = fields.Selection(selection=CHANNEL, readonly=True, default="todo")
    # Not precomputed: the daily generation creates its chases 500 at a time, and computing
    # these stored fields for the batch after the insert (one grouped write) costs less than
    # building each new chase in memory to precompute them (measured: 1 s of 15 at real size).
    escalation = fields.Boolean(related="level_id.escalation", store=True)
    state = fields.Selection(
        selection=CHASE_STATE, default="open", required=True, readonly=True, tracking=True
    )
    close_reason = fields.Selection(selection=CLOSE_REASON, readonly=True)
    company_id = generated_company()
    purchase_id = _generated_link(
        comodel_name="purchase.order", string="Purchase Order", index="btree_not_null"
    )
    picking_id = _generated_link(
        comodel_name="stock.picking", string="Transfer", index="btree_not_null"
    )
    carrier_id = fields.Many2one(comodel_name="delivery.carrier", readonly=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Counterpart",
        readonly=True,
        index=True,
        help="The vendor, the carrier or the customer of the shipment.",
    )
    partner_phone = fields.Char(related="partner_id.phone", string="Phone")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        index=True,
        default=lambda self: self.env.user,
        help="The buyer (purchases) or the person in charge of the shipment: in copy of the "
        "e-mails, owner of the chase's activities.",
    )
    reason = fields.Text(readonly=True)
    date_opened = fields.Datetime(
        string="Opened on", readonly=True, default=fields.Datetime.now, required=True
    )
    date_reference = fields.Datetime(
        string="Expected",
        readonly=True,
        help="The date the chase counts from: approval of the order, expected receipt or "
        "shipping date, shipping date plus the carrier's transit time.",
    )
    days_late = fields.Integer(readonly=True, help="Days past the reference date when opened.")
    amount = fields.Monetary(
        string="Late value",
        currency_field="currency_id",
        readonly=True,
        help="Value of the goods concerned, untaxed.",
    )
    # Stored: the amounts are rounded in it, and My Day reads it with the chase's stake.
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    date_promised = fields.Date(
        readonly=True,
        tracking=True,
        help="The new date the counterpart promised (for a proof of delivery: the delivery date).",
    )
    answer_comment = fields.Text(string="Answer", readonly=True)
    date_answer = fields.Datetime(string="Answered on", readonly=True)
    answer_user_id = fields.Many2one(comodel_name="res.users", string="Answer recorded by")
    impact_ids = fields.One2many(
        comodel_name="adv.supply.impact", inverse_name="chase_id", string="Customer orders at risk"
    )
    impact_amount = fields.Monetary(
        string="Orders at risk",
        currency_field="currency_id",
        compute="_compute_impact_amount",
        store=True,
    )
    impact_count = fields.Integer(compute="_compute_impact_amount", store=True)

    # ------------------------------------------------------------
    # COMPUTE METHODS
    # ------------------------------------------------------------

    @api.depends("impact_ids.amount")
    def _compute_impact_amount(self):
        """One grouped read for the stored chases (the daily batch's chases, once their
        customer impacts are created: one read and one write for the batch); a new chase (in
        a form) counts the rows it is given."""
        data = {
            chase.id: (total, count)
            for chase, total, count in self.env["adv.supply.impact"]._read_group(
                [("chase_id", "in", self._origin.ids)], ["chase_id"], ["amount:sum", "__count"]
            )
        }
        for chase in self:
            if chase.id:
                chase.impact_amount, chase.impact_count = data.get(chase.id, (0.0, 0))
            else:
                chase.impact_amount = sum(chase.impact_ids.mapped("amount"))
                chase.impact_count = len(chase.impact_ids)

    # ------------------------------------------------------------
    # CONSTRAINTS AND CRUD
    # ------------------------------------------------------------

    def init(self):
        self.env.cr.execute(
            SQL(
                """CREATE UNIQUE INDEX IF NOT EXISTS adv_supply_chase_open_uniq
                   ON adv_supply_chase (kind, COALESCE(purchase_id, 0),
                                        COALESCE(picking_id, 0), COALESCE(level_id, 0))
                   WHERE state = 'open'"""
            )
        )

    @api.constrains("purchase_id", "picking_id")
    def _check_document(self):
        for chase in self:
            if not chase.purchase_id and not chase.picking_id:
                raise ValidationError(
                    self.env._("A chase is about a purchase order or a transfer.")
                )

    def write(self, vals):
        if {"date_promised", "answer_comment"} & set(vals) and self.filtered(
            lambda c: c.state == "closed"
        ):
            raise UserError(self.env._("This chase is closed: its answer can no longer change."))
        return super().write(vals)

    @api.model_create_multi
    def create(self, vals_list):
        levels = self.env["adv.supply.chase.level"].browse(
            {vals["level_id"] for vals in vals_list if vals.get("level_id")}
        )
        channels = {level.id: level.channel for level in levels}
        for vals in vals_list:
            if vals.get("level_id"):
                vals["channel"] = channels[vals["level_id"]]
        return super().create(vals_list)

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_record_answer(self):
        self.ensure_one()
        self._check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record the answer"),
            "res_model": "adv.supply.chase.answer",
            "view_mode": "form",
            "target": "new",
            "context": {"default_chase_id": self.id},
        }

    def action_close(self):
        self._check_open()
        self._close("resolved", self.env._("Closed by %(user)s.", user=self.env.user.name))

    def action_open_document(self):
        self.ensure_one()
        record = self.picking_id or self.purchase_id
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
        }

    def action_refresh_impacts(self):
        self._refresh_impacts()

    # ------------------------------------------------------------
    # BUSINESS METHODS: answers
    # ------------------------------------------------------------

    def _check_open(self):
        closed = self.filtered(lambda c: c.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "The chase %(name)s is closed: reopen the document's follow-up from a new "
                    "chase instead.",
                    name=closed[0].name,
                )
            )

    def _record_answer(self, date_promised=False, comment=False):
        """Record the counterpart's answer: a new promised date (written to Odoo's own dates,
        with the date history) and a comment. Refused on a closed chase, and for a promised
        date in the past (a proof of delivery's date may not be in the future)."""
        self._check_open()
        today = fields.Date.context_today(self)
        for chase in self:
            if not date_promised and not comment:
                raise UserError(self.env._("Give the promised date or the counterpart's comment."))
            if date_promised and chase.kind == "no_pod" and date_promised > today:
                raise ValidationError(
                    self.env._(
                        "The delivery date of %(name)s cannot be in the future.", name=chase.name
                    )
                )
            if date_promised and chase.kind != "no_pod" and date_promised < today:
                raise ValidationError(
                    self.env._(
                        "The promised date %(date)s of %(name)s is in the past: ask for a new "
                        "date.",
                        date=date_promised,
                        name=chase.name,
                    )
                )
        self._write_answer({"date_promised": date_promised, "answer_comment": comment})
        for chase in self:
            chase._apply_answer(date_promised, comment)
        self.activity_ids.action_feedback(
            feedback=self.env._("Answer recorded: %(comment)s", comment=comment or date_promised)
        )
        self._adv_day_refresh()

    def _write_answer(self, vals):
        """Mark the chases answered now by the current user, with the answer's ``vals``."""
        self.write(
            dict(
                vals,
                state="answered",
                date_answer=fields.Datetime.now(),
                answer_user_id=self.env.user.id,
            )
        )

    def _apply_answer(self, date_promised, comment):
        """Carry the answer to the document (one chase).

        Extension point: an addon that opens chases of its own (kind ``other``) overrides it to
        carry their answers elsewhere (e.g. a back-charge's answer to the claims)."""
        self.ensure_one()
        reason = self.env._(
            "Answer to chase %(chase)s: %(comment)s",
            chase=self.display_name,
            comment=comment or "",
        )
        if self.kind == "ack":
            self.purchase_id.sudo().write({"mail_reception_confirmed": True})
        if self.kind == "no_pod":
            self.picking_id.sudo().adv_pod_date = date_promised
            self._close("resolved", reason)
            return
        if not date_promised:
            return
        new_date = datetime.combine(date_promised, time(12, 0))
        if self.kind == "late_shipment":
            self.picking_id.sudo().scheduled_date = new_date
            return
        lines = self._purchase_lines_concerned()
        kind = "confirmed" if self.kind == "ack" else "revised"
        lines.sudo()._adv_change_date(new_date, kind, reason, chase=self)
        if self.kind in ("due_soon", "late_receipt", "other") and self.purchase_id:
            self._refresh_impacts()

    def _purchase_lines_concerned(self):
        """The purchase lines still to receive that the chase is about."""
        self.ensure_one()
        if self.picking_id:
            moves = self.picking_id.move_ids.filtered(
                lambda m: m.state not in ("done", "cancel") and m.purchase_line_id
            )
            return moves.purchase_line_id
        return self.purchase_id.order_line.filtered(
            lambda line: not line.display_type and line.qty_received < line.product_qty
        )

    def _close(self, reason, message=None):
        open_chases = self.filtered(lambda c: c.state != "closed")
        if not open_chases:
            return
        open_chases.write({"state": "closed", "close_reason": reason})
        open_chases.activity_ids.action_feedback(feedback=message or False)

    # ------------------------------------------------------------
    # BUSINESS METHODS: hooks for other addons
    # ------------------------------------------------------------

    @api.model
    def _adv_chases_action(self, domain):
        """The chases worklist restricted to ``domain`` (the stat buttons of the documents
        that have chases: purchase orders, transfers, and other addons' records)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_supply_followup.adv_supply_chase_action"
        )
        action["domain"] = domain
        action["context"] = {}
        return action

    @api.model
    def _adv_count_by(self, field, records):
        """``{record: number of its chases}``, ``field`` the chase's link to ``records``."""
        return dict(self._read_group([(field, "in", records.ids)], [field], ["__count"]))

    @api.model
    def _adv_open_chase(self, document, reason, kind="other"):
        """Open (or return the open) chase of ``kind`` about ``document`` (a purchase order or
        a transfer), with a free-text reason; the responsible gets a follow-up activity.

        Idempotent: a second call returns the same open chase and appends the reason to it.
        """
        document.ensure_one()
        if document._name not in ("purchase.order", "stock.picking"):
            raise UserError(self.env._("A chase is about a purchase order or a transfer."))
        field = "purchase_id" if document._name == "purchase.order" else "picking_id"
        Chase = self.sudo()
        domain = [(field, "=", document.id), ("kind", "=", kind), ("state", "=", "open")]
        if field == "purchase_id":
            domain.append(("picking_id", "=", False))
        chase = Chase.search(domain, limit=1)
        if chase:
            if reason and reason not in (chase.reason or ""):
                chase.reason = "\n".join(filter(None, [chase.reason, reason]))
            return chase.with_env(self.env)
        purchase = document if field == "purchase_id" else document.purchase_id
        vals = {
            "name": document.name,
            "kind": kind,
            "company_id": document.company_id.id,
            "purchase_id": purchase.id,
            "picking_id": document.id if field == "picking_id" else False,
            "partner_id": (purchase.partner_id or document.partner_id).id,
            "user_id": (purchase.user_id or document.create_uid or self.env.user).id,
            "reason": reason,
            "date_reference": fields.Datetime.now(),
            "channel": "todo",
        }
        if field == "picking_id":
            vals["carrier_id"] = document.carrier_id.id
        chase = Chase.create(vals)
        chase._schedule_activities()
        return chase.with_env(self.env)

    # ------------------------------------------------------------
    # BUSINESS METHODS: customer impact
    # ------------------------------------------------------------

    def _refresh_impacts(self):
        """Replace the customer orders at risk of these chases (receipts of a purchase), then
        publish them (:meth:`_adv_impacts_published`)."""
        chases = self.filtered("purchase_id")
        if not chases:
            return
        Impact = self.env["adv.supply.impact"].sudo()
        Impact.search([("chase_id", "in", chases.ids)]).unlink()
        impacts = chases._impact_values(chases.purchase_id, chases.picking_id)
        vals_list = [
            dict(vals, chase_id=chase.id)
            for chase in chases
            for vals in impacts(chase.purchase_id.id, chase.picking_id.id)
        ]
        chases._adv_impacts_published(Impact.create(vals_list))

    @api.model
    def _impact_values(self, purchases, pickings):
        """A function ``(purchase id, picking id) -> [impact values]``: the customer orders
        at risk of a chase about that purchase (and receipt), ranked, computed once for all the
        ``purchases`` (and their receipts ``pickings``)."""
        rows_by_po = purchases._adv_impact_rows()
        moves = {picking.id: set(picking.move_ids.ids) for picking in pickings}

        def impact_values(purchase_id, picking_id):
            rows = rows_by_po.get(purchase_id, [])
            if picking_id:
                # A receipt's chase holds the orders waiting for that receipt, not those of the
                # order's other receipts (n late receipts of one order: n rows, not n x n).
                rows = [row for row in rows if row.get("_cause") in moves[picking_id]]
            return [
                dict({key: value for key, value in row.items() if key != "_cause"}, sequence=rank)
                for rank, row in enumerate(rows, start=1)
            ]

        return impact_values

    def _adv_impacts_published(self, impacts):
        """Extension point, called once the customer orders at risk of these chases were
        recomputed: ``impacts`` are their new ``adv.supply.impact`` rows (as superuser).

        Nothing by default; an addon that follows customer orders implements it to link its
        own records to the delays (e.g. a claim about an order now at risk)."""
        return

    # ------------------------------------------------------------
    # MY DAY
    # ------------------------------------------------------------

    def _adv_day_stake(self):
        """The value of the customer orders at risk, else the value of the late goods."""
        self.fetch(["impact_amount", "amount"])
        return {chase.id: chase.impact_amount or chase.amount for chase in self}
