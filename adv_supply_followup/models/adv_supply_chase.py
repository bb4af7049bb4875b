# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .chase_rules import CHANNEL, CHASE_KIND, CHASE_STATE, deserved_level

_logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# A shipment done more than this many days ago is not chased for its proof of delivery: the
# chase is about today's flows, not the archive found when the addon is installed.
POD_WINDOW_DAYS = 60
CLOSE_REASON = [
    ("resolved", "Resolved"),
    ("escalated", "Escalated"),
    ("cancelled", "Cancelled"),
]


class AdvSupplyChase(models.Model):
    """One chase of a vendor, a carrier or the shipping team about one document at one level.

    Generated daily by :meth:`_generate` (idempotent: a unique index allows one open chase per
    document, kind and level), answered by the counterpart (:meth:`_record_answer`: a new
    promised date flows into Odoo's own dates), closed when the document no longer needs it.
    """

    _name = "adv.supply.chase"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Supply chase"
    _order = "escalation desc, date_reference, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    name = fields.Char(string="Document", required=True, readonly=True)
    kind = fields.Selection(selection=CHASE_KIND, required=True, readonly=True, index=True)
    level_id = fields.Many2one(
        comodel_name="adv.supply.chase.level",
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    channel = fields.Selection(selection=CHANNEL, readonly=True, default="todo")
    escalation = fields.Boolean(related="level_id.escalation", store=True)
    state = fields.Selection(
        selection=CHASE_STATE, default="open", required=True, readonly=True, tracking=True
    )
    close_reason = fields.Selection(selection=CLOSE_REASON, readonly=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        readonly=True,
        index=True,
        default=lambda self: self.env.company,
    )
    purchase_id = fields.Many2one(
        comodel_name="purchase.order",
        string="Purchase Order",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    picking_id = fields.Many2one(
        comodel_name="stock.picking",
        string="Transfer",
        readonly=True,
        index="btree_not_null",
        check_company=True,
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
    currency_id = fields.Many2one(related="company_id.currency_id")
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
        data = {
            chase.id: (total, count)
            for chase, total, count in self.env["adv.supply.impact"]._read_group(
                [("chase_id", "in", self.ids)], ["chase_id"], ["amount:sum", "__count"]
            )
        }
        for chase in self:
            chase.impact_amount, chase.impact_count = data.get(chase.id, (0.0, 0))

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

    def action_compute_impact(self):
        self._compute_impacts()

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
        self.write(
            {
                "state": "answered",
                "date_promised": date_promised,
                "answer_comment": comment,
                "date_answer": fields.Datetime.now(),
                "answer_user_id": self.env.user.id,
            }
        )
        for chase in self:
            chase._apply_answer(date_promised, comment)
        self.activity_ids.action_feedback(
            feedback=self.env._("Answer recorded: %(comment)s", comment=comment or date_promised)
        )
        self._adv_day_refresh()

    def _apply_answer(self, date_promised, comment):
        """Carry the answer to the document (one chase); the override point per kind."""
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
            self._compute_impacts()

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
    # BUSINESS METHODS: the daily generation
    # ------------------------------------------------------------

    @api.model
    def _cron_generate(self):
        """The daily cron: commits after each batch (the one place that commits)."""
        self._generate(commit=True)

    @api.model
    def _generate(self, now=None, commit=False):
        """Close the chases whose document no longer needs them, then open the chases each
        document deserves today. Returns the chases created."""
        now = now or fields.Datetime.now()
        chases = self.sudo()
        chases._close_resolved(now)
        created = chases.browse()
        levels = chases._levels_by_kind()
        for kind, candidates in chases._candidates(now).items():
            for start in range(0, len(candidates), BATCH_SIZE):
                batch = candidates[start : start + BATCH_SIZE]
                created |= chases._generate_batch(kind, batch, levels, now)
                if commit:
                    # The cron's one commit point: a crash leaves whole batches, and the
                    # unique index and the idempotent run let the next run complete the work.
                    self.env.cr.commit()  # pylint: disable=invalid-commit
        _logger.info("Supply chases: %s opened", len(created))
        return created

    def _levels_by_kind(self):
        """``{(kind, company_id or False): [(level id, delay)]}`` of the active levels."""
        result = {}
        for level in self.env["adv.supply.chase.level"].search([("active", "=", True)]):
            key = (level.kind, level.company_id.id)
            result.setdefault(key, []).append((level.id, level.delay_days))
        return result

    def _company_levels(self, levels, kind, company_id):
        return levels.get((kind, company_id)) or levels.get((kind, False)) or []

    def _candidates(self, now):
        """``{kind: [row]}``: the documents that may need a chase, one grouped query per kind.
        A row: document id, company, reference date, counterpart, responsible, value."""
        result = {"ack": self._candidates_ack(now)}
        receipts = self._candidates_receipts(now)
        result["due_soon"] = [r for r in receipts if r["days"] < 0]
        result["late_receipt"] = [r for r in receipts if r["days"] >= 0]
        result["late_shipment"] = self._candidates_shipments(now)
        result["no_pod"] = self._candidates_pod(now)
        return result

    def _fetch(self, query, now):
        self.env.flush_all()
        self.env.cr.execute(query)
        rows = self.env.cr.dictfetchall()
        for row in rows:
            row["days"] = (now.date() - row["date_reference"].date()).days
        return rows

    def _candidates_ack(self, now):
        return self._fetch(
            SQL(
                """SELECT po.id AS doc_id, po.id AS purchase_id, NULL::int AS picking_id,
                          po.name, po.company_id, po.date_approve AS date_reference,
                          po.partner_id, COALESCE(po.user_id, po.create_uid) AS user_id,
                          NULL::int AS carrier_id, po.amount_untaxed AS amount,
                          po.currency_id
                     FROM purchase_order po
                    WHERE po.state = 'purchase' AND po.date_approve IS NOT NULL
                      AND po.date_approve <= %(now)s
                      AND po.receipt_status IS DISTINCT FROM 'full'
                      AND NOT COALESCE(po.mail_reception_confirmed, FALSE)
                      AND NOT COALESCE(po.mail_reception_declined, FALSE)""",
                now=now,
            ),
            now,
        )

    def _candidates_receipts(self, now):
        """Receipts from a purchase not done: partial receipts leave a backorder, which is a
        receipt of its own and is chased as such."""
        horizon = now + timedelta(days=self._due_soon_horizon())
        return self._fetch(
            SQL(
                """SELECT p.id AS doc_id, po.id AS purchase_id, p.id AS picking_id, p.name,
                          p.company_id,
                          GREATEST(p.scheduled_date, COALESCE(p.date_deadline, p.scheduled_date))
                              AS date_reference,
                          po.partner_id, COALESCE(po.user_id, p.user_id, po.create_uid) AS user_id,
                          NULL::int AS carrier_id,
                          SUM(m.product_qty * pol.price_unit
                              / NULLIF(pol.product_qty, 0) * pol.product_uom_qty) AS amount,
                          po.currency_id
                     FROM stock_picking p
                     JOIN stock_picking_type t ON t.id = p.picking_type_id
                     JOIN stock_move m ON m.picking_id = p.id
                     JOIN purchase_order_line pol ON pol.id = m.purchase_line_id
                     JOIN purchase_order po ON po.id = pol.order_id
                    WHERE t.code = 'incoming'
                      AND p.state IN ('waiting', 'confirmed', 'assigned')
                      AND m.state NOT IN ('done', 'cancel')
                      AND p.scheduled_date <= %(horizon)s
                 GROUP BY p.id, po.id""",
                horizon=horizon,
            ),
            now,
        )

    def _due_soon_horizon(self):
        delays = (
            self.env["adv.supply.chase.level"]
            .search([("kind", "=", "due_soon")])
            .mapped("delay_days")
        )
        return max([-d for d in delays] + [0])

    def _candidates_shipments(self, now):
        return self._fetch(
            SQL(
                """SELECT p.id AS doc_id, NULL::int AS purchase_id, p.id AS picking_id, p.name,
                          p.company_id,
                          COALESCE(p.date_deadline, p.scheduled_date) AS date_reference,
                          p.partner_id, COALESCE(p.user_id, so.user_id, p.create_uid) AS user_id,
                          p.carrier_id, COALESCE(SUM(m.product_qty * sol.price_reduce_taxexcl), 0)
                              AS amount, so.currency_id
                     FROM stock_picking p
                     JOIN stock_picking_type t ON t.id = p.picking_type_id
                     LEFT JOIN sale_order so ON so.id = p.sale_id
                     LEFT JOIN stock_move m ON m.picking_id = p.id
                     LEFT JOIN sale_order_line sol ON sol.id = m.sale_line_id
                    WHERE t.code = 'outgoing'
                      AND p.state IN ('waiting', 'confirmed', 'assigned')
                      AND COALESCE(p.date_deadline, p.scheduled_date) <= %(now)s
                 GROUP BY p.id, so.user_id, so.currency_id""",
                now=now,
            ),
            now,
        )

    def _candidates_pod(self, now):
        return self._fetch(
            SQL(
                """SELECT p.id AS doc_id, NULL::int AS purchase_id, p.id AS picking_id, p.name,
                          p.company_id,
                          p.date_done + make_interval(days => COALESCE(
                              ct.transit_days, c.adv_transit_days, 0)) AS date_reference,
                          c.adv_partner_id AS partner_id,
                          COALESCE(p.user_id, so.user_id, p.create_uid) AS user_id,
                          p.carrier_id, COALESCE(so.amount_untaxed, 0) AS amount,
                          so.currency_id
                     FROM stock_picking p
                     JOIN stock_picking_type t ON t.id = p.picking_type_id
                     JOIN delivery_carrier c ON c.id = p.carrier_id
                     LEFT JOIN res_partner dest ON dest.id = p.partner_id
                     LEFT JOIN adv_carrier_transit ct
                            ON ct.carrier_id = c.id AND ct.country_id = dest.country_id
                     LEFT JOIN sale_order so ON so.id = p.sale_id
                    WHERE t.code = 'outgoing' AND p.state = 'done' AND p.adv_pod_date IS NULL
                      AND p.date_done >= %(window)s
                      AND p.date_done + make_interval(days => COALESCE(
                              ct.transit_days, c.adv_transit_days, 0)) <= %(now)s""",
                now=now,
                window=now - timedelta(days=POD_WINDOW_DAYS),
            ),
            now,
        )

    def _generate_batch(self, kind, rows, levels, now):
        field = "purchase_id" if kind == "ack" else "picking_id"
        doc_ids = [row["doc_id"] for row in rows]
        existing = {}
        waiting = set()
        for chase in self.search_read(
            [
                ("kind", "=", kind),
                (field, "in", doc_ids),
                "|",
                ("state", "=", "open"),
                "&",
                ("state", "=", "answered"),
                ("date_promised", ">=", now.date()),
            ],
            [field, "state", "level_id"],
        ):
            doc_id = chase[field][0]
            if chase["state"] == "answered":
                # A promise not yet due: wait for it rather than chase again.
                waiting.add(doc_id)
            else:
                existing[doc_id] = (chase["id"], chase["level_id"] and chase["level_id"][0])
        delays = {}
        for level_list in levels.values():
            delays.update(dict(level_list))
        self._convert_amounts(rows, now)
        to_escalate, vals_list = [], []
        for row in rows:
            if row["doc_id"] in waiting:
                continue
            level_id = deserved_level(
                self._company_levels(levels, kind, row["company_id"]), row["days"]
            )
            if not level_id:
                continue
            current = existing.get(row["doc_id"])
            if current:
                if delays.get(current[1], -9999) >= delays[level_id]:
                    continue
                to_escalate.append(current[0])
            vals_list.append(self._prepare_chase_vals(kind, row, level_id))
        if to_escalate:
            self.browse(to_escalate)._close(
                "escalated", self.env._("Escalated to the next level of the chase.")
            )
        chases = self.create(vals_list)
        chases._send_level()
        if kind == "late_receipt":
            chases._compute_impacts()
            # The activities were scheduled with the late value: My Day ranks them by the
            # value of the customer orders now known to be at risk.
            chases._adv_day_refresh()
        return chases

    def _convert_amounts(self, rows, now):
        """Amounts in the company's currency (My Day ranks by them): one rate per currency
        and company, whatever the number of documents."""
        companies = {
            c.id: c for c in self.env["res.company"].browse({r["company_id"] for r in rows})
        }
        rates = {}
        for row in rows:
            company = companies[row["company_id"]]
            if not row.get("currency_id") or row["currency_id"] == company.currency_id.id:
                continue
            key = (row["currency_id"], company.id)
            if key not in rates:
                rates[key] = self.env["res.currency"]._get_conversion_rate(
                    self.env["res.currency"].browse(row["currency_id"]),
                    company.currency_id,
                    company,
                    now.date(),
                )
            row["amount"] = company.currency_id.round((row["amount"] or 0.0) * rates[key])

    def _prepare_chase_vals(self, kind, row, level_id):
        return {
            "name": row["name"],
            "kind": kind,
            "level_id": level_id,
            "company_id": row["company_id"],
            "purchase_id": row["purchase_id"],
            "picking_id": row["picking_id"],
            "partner_id": row["partner_id"],
            "user_id": row["user_id"],
            "carrier_id": row["carrier_id"],
            "date_reference": row["date_reference"],
            "days_late": row["days"],
            "amount": row["amount"] or 0.0,
        }

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

    def _close_resolved(self, now):
        """Close the open or answered chases whose document no longer needs them."""
        Chase = self.sudo()
        live = [("state", "in", ("open", "answered"))]
        resolved = Chase.search(
            live
            + [
                ("kind", "=", "ack"),
                "|",
                "|",
                ("purchase_id.mail_reception_confirmed", "=", True),
                ("purchase_id.mail_reception_declined", "=", True),
                ("purchase_id.state", "!=", "purchase"),
            ]
        )
        resolved |= Chase.search(
            live
            + [
                ("kind", "in", ("due_soon", "late_receipt", "late_shipment")),
                ("picking_id.state", "in", ("done", "cancel")),
            ]
        )
        resolved |= Chase.search(
            live + [("kind", "=", "no_pod"), ("picking_id.adv_pod_date", "!=", False)]
        )
        # A receipt due soon that is now late gets a late chase instead.
        resolved |= Chase.search(
            live
            + [
                ("kind", "=", "due_soon"),
                ("state", "=", "open"),
                ("date_reference", "<", datetime.combine(now.date(), time.min)),
            ]
        )
        resolved._close("resolved", self.env._("The document no longer needs this chase."))
        return resolved

    def _send_level(self):
        """What each new chase's level asks: the e-mail to the counterpart (the buyer in copy)
        and the responsible's activity (a call, or a follow-up of the e-mail)."""
        to_mail = self.filtered(
            lambda c: c.channel == "email" and c.level_id.mail_template_id and c.partner_id.email
        )
        for template in to_mail.level_id.mail_template_id:
            chases = to_mail.filtered(lambda c, t=template: c.level_id.mail_template_id == t)
            # Mass mail renders and queues the e-mails in batches (the buyer in copy, linked to
            # the chase); one composer per language so each partner reads their own.
            by_lang = {}
            for chase in chases:
                by_lang.setdefault(chase.partner_id.lang or "en_US", []).append(chase.id)
            for lang, ids in by_lang.items():
                self.env["mail.compose.message"].with_context(lang=lang).create(
                    {
                        "composition_mode": "mass_mail",
                        "model": self._name,
                        "res_ids": ids,
                        "template_id": template.id,
                        "auto_delete": False,
                        "auto_delete_keep_log": True,
                    }
                )._action_send_mail()
        no_address = self.filtered(lambda c: c.channel == "email") - to_mail
        for chase in no_address:
            chase.message_post(
                body=self.env._(
                    "No e-mail address for %(partner)s: call instead.",
                    partner=chase.partner_id.display_name,
                )
            )
        self._schedule_activities(no_address)

    def _schedule_activities(self, to_call=None):
        """One activity per chase for its responsible (batch create): a call for the phone
        levels (and e-mails that could not go), a follow-up otherwise. No "assigned to you"
        e-mail per activity: My Day lists them."""
        to_call = to_call or self.browse()
        call = self.env.ref("adv_supply_followup.mail_activity_type_chase_call")
        follow = self.env.ref("adv_supply_followup.mail_activity_type_chase_followup")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for chase in self:
            is_call = chase.channel == "phone" or chase in to_call
            activity_type = call if is_call else follow
            summary = chase._activity_summary(is_call)
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": chase.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "user_id": chase.user_id.id or self.env.user.id,
                    "date_deadline": today + timedelta(days=0 if is_call else 2),
                }
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )

    def _activity_summary(self, is_call):
        kind = dict(self._fields["kind"]._description_selection(self.env))[self.kind]
        if self.escalation:
            return self.env._("Escalation: %(kind)s", kind=kind)
        if is_call:
            return self.env._("Call: %(kind)s", kind=kind)
        return self.env._("Follow up: %(kind)s", kind=kind)

    def _compute_impacts(self):
        """Replace the customer orders at risk of these chases (receipts of a purchase)."""
        chases = self.filtered("purchase_id")
        if not chases:
            return
        self.env["adv.supply.impact"].sudo().search([("chase_id", "in", chases.ids)]).unlink()
        rows_by_po = chases.purchase_id._adv_impact_rows()
        vals_list = []
        for chase in chases:
            rows = rows_by_po.get(chase.purchase_id.id, [])
            if chase.picking_id:
                # A receipt's chase holds the orders waiting for that receipt, not those of the
                # order's other receipts (n late receipts of one order: n rows, not n x n).
                own = set(chase.picking_id.move_ids.ids)
                rows = [row for row in rows if row.get("_cause") in own]
            for rank, row in enumerate(rows, start=1):
                vals = {key: value for key, value in row.items() if key != "_cause"}
                vals_list.append(dict(vals, chase_id=chase.id, sequence=rank))
        self.env["adv.supply.impact"].sudo().create(vals_list)

    # ------------------------------------------------------------
    # MY DAY
    # ------------------------------------------------------------

    def _adv_day_stake(self):
        """The value of the customer orders at risk, else the value of the late goods."""
        return {
            row["id"]: row["impact_amount"] or row["amount"]
            for row in self.search_read([("id", "in", self.ids)], ["impact_amount", "amount"])
        }
