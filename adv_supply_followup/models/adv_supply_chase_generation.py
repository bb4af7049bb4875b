# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily generation of the supply chases: which documents deserve a chase today, at which
level, and which chases their documents no longer need."""

import logging
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools.chase_rules import deserved_level

_logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# A shipment done more than this many days ago is not chased for its proof of delivery: the
# chase is about today's flows, not the archive found when the addon is installed.
POD_WINDOW_DAYS = 60


class AdvSupplyChase(models.Model):
    _inherit = "adv.supply.chase"  # pylint: disable=consider-merging-classes-inherited

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

    def _fetch_candidates(self, query, now):
        """The rows of a candidates query, each with its ``days`` past its reference date."""
        self.env.flush_all()
        self.env.cr.execute(query)
        rows = self.env.cr.dictfetchall()
        for row in rows:
            row["days"] = (now.date() - row["date_reference"].date()).days
        return rows

    def _candidates_ack(self, now):
        return self._fetch_candidates(
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
        return self._fetch_candidates(
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
                 GROUP BY p.id, po.id
                 -- An order's receipts in one batch: its customer impact is computed once.
                 ORDER BY po.id, p.id""",
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
        return self._fetch_candidates(
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
                 GROUP BY p.id, so.user_id, so.currency_id
                 ORDER BY p.id""",
                now=now,
            ),
            now,
        )

    def _candidates_pod(self, now):
        return self._fetch_candidates(
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
        """Open the chases one batch of candidate ``rows`` of ``kind`` deserves today: a
        document goes to the highest level it reached, closing its open chase of a lower
        level as escalated; a document whose promised date is not yet due waits for it."""
        in_progress, waiting = self._chases_in_progress(kind, [row["doc_id"] for row in rows], now)
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
            current = in_progress.get(row["doc_id"])
            if current:
                if delays.get(current[1], -9999) >= delays[level_id]:
                    continue
                to_escalate.append(current[0])
            vals_list.append(self._prepare_chase_vals(kind, row, level_id))
        if to_escalate:
            self.browse(to_escalate)._close(
                "escalated", self.env._("Escalated to the next level of the chase.")
            )
        impacts = None
        if kind == "late_receipt":
            # Each chase gets its customer orders at risk before its activity: My Day ranks the
            # activities by their value.
            impacts = self._add_impacts(vals_list)
        # Created without the chatter's work per record: no "created" note, no follower for the
        # cron's user, no tracking message, no auto-subscription (a chase's responsible is not a
        # tracked field: there is none). Its chatter starts with its e-mail; its responsible
        # follows it through its activity.
        chases = self.with_context(tracking_disable=True).create(vals_list).with_env(self.env)
        if impacts is not None:
            chases._create_impacts(impacts)
        chases._carry_out_level()
        return chases

    def _add_impacts(self, vals_list):
        """The customer orders at risk of the late receipts' chases of ``vals_list``: a list of
        impact values per chase, created by :meth:`_create_impacts` once the chases exist."""
        impacts = self._impact_values(
            self.env["purchase.order"].browse({vals["purchase_id"] for vals in vals_list}),
            self.env["stock.picking"].browse({vals["picking_id"] for vals in vals_list}),
        )
        return [impacts(vals["purchase_id"], vals["picking_id"]) for vals in vals_list]

    def _create_impacts(self, impacts):
        """Create the customer orders at risk of these new chases (``impacts``: a list of
        values per chase) in one ``create``, then publish them. The chases' totals follow in
        one grouped read for the batch (a chase's totals are computed fields, never written by
        the caller)."""
        rows = (
            self.env["adv.supply.impact"]
            .sudo()
            .create(
                [
                    dict(row, chase_id=chase.id)
                    for chase, chase_rows in zip(self, impacts, strict=True)
                    for row in chase_rows
                ]
            )
        )
        self._adv_impacts_published(rows)

    def _chases_in_progress(self, kind, doc_ids, now):
        """``({document id: (open chase id, its level id)}, {ids of the documents waiting for
        a promised date not yet due})`` among ``doc_ids``, in one read."""
        field = "purchase_id" if kind == "ack" else "picking_id"
        in_progress, waiting = {}, set()
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
                in_progress[doc_id] = (chase["id"], chase["level_id"] and chase["level_id"][0])
        return in_progress, waiting

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
