# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from . import receivable_summary
from .credit_rules import CreditFacts

COMPONENTS = ("receivables", "draft_invoices", "uninvoiced_orders")


class AdvCreditExposure(models.AbstractModel):
    """The exposure engine (encours client): set-based, per commercial partner and company.

    Amounts are in company currency, tax included. Each component is one grouped query for all
    the partners at hand, whatever their number of invoices and orders:

    - open receivables: posted, unreconciled residuals (refunds and unapplied payments net out);
    - draft customer invoices and refunds;
    - confirmed orders not yet invoiced: (ordered - invoiced, posted or draft) x tax-included unit
      price, whatever the invoicing policy, less down payments invoiced and not yet deducted.

    An order's own draft invoice is counted once: as a draft invoice, since its quantities count
    as invoiced on the order. Override :meth:`_get_exposure` to add a component.
    """

    _name = "adv.credit.exposure"
    _description = "Customer credit exposure"

    @api.model
    def _get_exposure(self, partner_ids, company, lock=False):
        """Exposure of commercial partners ``partner_ids`` in ``company``, in one statement.

        ``lock``: take the per-customer credit lock (``adv.credit.lock``) in the same statement.

        :return: {partner_id: {"receivables", "draft_invoices", "uninvoiced_orders",
                  "overdue_amount", "overdue_days", "has_paid_invoice", "hold"}}, ``hold``
                  being ``None`` or ``{"reason", "since", "user"}`` of the latest active hold.
        """
        result = {
            pid: dict.fromkeys(COMPONENTS, 0.0)
            | {"overdue_amount": 0.0, "overdue_days": 0, "has_paid_invoice": False, "hold": None}
            for pid in partner_ids
        }
        if not partner_ids:
            return result
        self.env.flush_all()
        ids = sorted(partner_ids)
        today = fields.Date.context_today(self)
        lock_cte = SQL("")
        if lock:
            lock_cte = SQL(
                """lock AS (
                   INSERT INTO adv_credit_lock (partner_id, company_id, counter)
                   SELECT pid, %(company)s, 1 FROM unnest(%(ids)s::int[]) AS pid ORDER BY pid
                   ON CONFLICT (partner_id, company_id)
                   DO UPDATE SET counter = adv_credit_lock.counter + 1
                   RETURNING 1),""",
                ids=ids,
                company=company.id,
            )
        self.env.cr.execute(
            SQL(
                """WITH %(lock_cte)s
                   members AS (
                       SELECT id AS member_id, commercial_partner_id AS pid FROM res_partner
                        WHERE commercial_partner_id = ANY(%(ids)s::int[])),
                   by_due AS (
                       SELECT m.pid, s.date_maturity AS due, SUM(s.residual) AS residual,
                              SUM(s.positive) AS positive, SUM(s.items) AS items
                         FROM members m
                         JOIN (SELECT partner_id, date_maturity, residual, positive, items
                                 FROM adv_receivable_balance WHERE company_id = %(company)s
                               UNION ALL
                               SELECT partner_id, date_maturity, residual, positive, items
                                 FROM adv_receivable_delta WHERE company_id = %(company)s) s
                           ON s.partner_id = m.member_id
                     GROUP BY m.pid, s.date_maturity),
                   receivables AS (
                       SELECT pid, SUM(residual) AS residual,
                              SUM(positive) FILTER (WHERE due < %(before)s) AS overdue,
                              MIN(due) FILTER (WHERE due < %(before)s AND items > 0) AS oldest
                         FROM by_due GROUP BY pid),
                   orders AS (%(orders)s)
                SELECT pt.pid, r.residual, r.overdue, %(today)s - r.oldest,
                       (SELECT SUM(m.amount_total_signed) FROM account_move m
                         WHERE m.commercial_partner_id = pt.pid AND m.company_id = %(company)s
                           AND m.state = 'draft' AND m.move_type IN ('out_invoice', 'out_refund')),
                       EXISTS (SELECT 1 FROM account_move m
                                WHERE m.commercial_partner_id = pt.pid
                                  AND m.company_id = %(company)s AND m.state = 'posted'
                                  AND m.move_type = 'out_invoice'
                                  AND m.payment_state IN ('paid', 'in_payment')),
                       o.amount, h.reason, h.date, h.user_name
                  FROM unnest(%(ids)s::int[]) AS pt(pid)
             LEFT JOIN receivables r ON r.pid = pt.pid
             LEFT JOIN orders o ON o.partner_id = pt.pid
             LEFT JOIN LATERAL (
                       SELECT h.reason, h.date, up.name AS user_name
                         FROM adv_credit_hold h
                         JOIN res_users u ON u.id = h.user_id
                         JOIN res_partner up ON up.id = u.partner_id
                        WHERE h.partner_id = pt.pid AND h.company_id = %(company)s AND h.active
                     ORDER BY h.date DESC, h.id DESC LIMIT 1) h ON TRUE""",
                lock_cte=lock_cte,
                ids=ids,
                company=company.id,
                before=today - timedelta(days=company.adv_overdue_grace_days),
                today=today,
                orders=self._uninvoiced_orders_query(ids, company),
            )
        )
        for row in self.env.cr.fetchall():
            pid, residual, overdue, days, draft, paid, orders, reason, since, user = row
            values = result[pid]
            if company.adv_exposure_receivables:
                values["receivables"] = float(residual or 0.0)
            values["overdue_amount"] = float(overdue or 0.0)
            values["overdue_days"] = days or 0
            if company.adv_exposure_draft_invoices:
                values["draft_invoices"] = float(draft or 0.0)
            values["has_paid_invoice"] = paid
            if company.adv_exposure_orders:
                values["uninvoiced_orders"] = float(orders or 0.0)
            if reason is not None:
                values["hold"] = {"reason": reason, "since": since, "user": user}
        return result

    def _uninvoiced_orders_query(self, ids, company):
        """(partner_id, amount) of confirmed orders not invoiced, per invoiced commercial
        partner: (ordered - invoiced) x tax-included unit price, less the down payments invoiced
        and not yet deducted. Lines ordered at 0 (down payments, extra deliveries) add nothing."""
        return SQL(
            """WITH per_order AS (
                   SELECT o.id, p.commercial_partner_id AS partner_id,
                          COALESCE(NULLIF(o.currency_rate, 0), 1) AS rate,
                          SUM(CASE WHEN l.product_uom_qty > 0
                                   THEN l.price_total / l.product_uom_qty
                                        * GREATEST(l.product_uom_qty - l.qty_invoiced, 0)
                                   ELSE 0 END) AS to_invoice
                     FROM sale_order o
                     JOIN res_partner p ON p.id = o.partner_invoice_id
                     JOIN sale_order_line l ON l.order_id = o.id AND l.display_type IS NULL
                    WHERE o.partner_invoice_id = ANY(ARRAY(
                              SELECT id FROM res_partner
                               WHERE commercial_partner_id = ANY(%(ids)s::int[])))
                      AND o.company_id = %(company)s
                      AND o.state = 'sale'
                 GROUP BY o.id, p.commercial_partner_id
               ), down_payments AS (
                   SELECT l.order_id,
                          SUM(aml.price_total / COALESCE(NULLIF(m.invoice_currency_rate, 0), 1)
                              * CASE WHEN m.move_type = 'out_refund' THEN -1 ELSE 1 END) AS amount
                     FROM sale_order_line l
                     JOIN sale_order_line_invoice_rel rel ON rel.order_line_id = l.id
                     JOIN account_move_line aml ON aml.id = rel.invoice_line_id
                     JOIN account_move m ON m.id = aml.move_id
                    WHERE l.is_downpayment AND l.product_uom_qty = 0 AND m.state != 'cancel'
                      AND l.order_id IN (SELECT id FROM per_order)
                 GROUP BY l.order_id
               )
               SELECT po.partner_id,
                      SUM(GREATEST(po.to_invoice / po.rate - COALESCE(dp.amount, 0), 0)) AS amount
                 FROM per_order po
            LEFT JOIN down_payments dp ON dp.order_id = po.id
             GROUP BY po.partner_id""",
            ids=ids,
            company=company.id,
        )

    @api.model
    def _cron_compact_receivable_summary(self):
        receivable_summary.compact(self.env.cr)

    @api.model
    def _adv_rebuild_receivable_summary(self):
        """Recompute the receivable summary from the journal items (administrators)."""
        self.env.flush_all()
        receivable_summary.rebuild(self.env.cr)

    @api.model
    def _get_partner_credit_data(self, partners, company, exposure=None):
        """Limit, review date, insurer cover and hold of commercial ``partners`` in ``company``
        (the holds taken from ``exposure``, a result of :meth:`_get_exposure`, when given)."""
        partners = partners.with_company(company).sudo()
        exposure = exposure or self._get_exposure(set(partners.ids), company)
        months = company.adv_credit_review_months
        data = {}
        for partner in partners:
            review = partner.adv_credit_review_date
            if not review and months and not partner.use_partner_credit_limit:
                review = (partner.create_date + relativedelta(months=months)).date()
            data[partner.id] = {
                "limit": partner.credit_limit,
                "review_date": review,
                "insured_amount": partner.adv_insured_amount,
                "hold": exposure[partner.id]["hold"],
            }
        return data

    @api.model
    def _get_order_facts(self, orders, lock=False):
        """One :class:`CreditFacts` per order, from a constant number of queries per company.

        Orders of one batch count each other in the order given: the caller adds the amounts of
        the orders it accepts to the next ones (see ``sale.order._adv_credit_control``).
        """
        facts = {}
        today = fields.Date.context_today(self)
        by_company = defaultdict(lambda: self.env["sale.order"])
        for order in orders:
            by_company[order.company_id] |= order
        for company, company_orders in by_company.items():
            partners = company_orders.partner_invoice_id.commercial_partner_id
            exposure = self._get_exposure(set(partners.ids), company, lock=lock)
            partner_data = self._get_partner_credit_data(partners, company, exposure)
            settings = company._adv_rule_settings()
            for order in company_orders:
                pid = order.partner_invoice_id.commercial_partner_id.id
                expo, pdata = exposure[pid], partner_data[pid]
                in_exposure = order.state == "sale"  # already counted in uninvoiced_orders
                total = order._adv_amount_company()
                facts[order] = CreditFacts(
                    today=today,
                    limit=pdata["limit"],
                    limit_active=company.account_use_credit_limit,
                    receivables=expo["receivables"],
                    draft_invoices=expo["draft_invoices"],
                    uninvoiced_orders=expo["uninvoiced_orders"],
                    this_order=0.0 if in_exposure else total,
                    order_total=total,
                    overdue_amount=expo["overdue_amount"],
                    overdue_days=expo["overdue_days"],
                    review_date=pdata["review_date"],
                    hold=pdata["hold"],
                    has_paid_invoice=expo["has_paid_invoice"],
                    insured_amount=pdata["insured_amount"],
                    settings=settings,
                )
        return facts
