# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

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
    def _get_exposure(self, partner_ids, company):
        """Exposure of commercial partners ``partner_ids`` in ``company``.

        :return: {partner_id: {"receivables", "draft_invoices", "uninvoiced_orders",
                  "overdue_amount", "overdue_days", "has_paid_invoice"}}
        """
        result = {
            pid: dict.fromkeys(COMPONENTS, 0.0)
            | {"overdue_amount": 0.0, "overdue_days": 0, "has_paid_invoice": False}
            for pid in partner_ids
        }
        if not partner_ids:
            return result
        self.env.flush_all()
        ids = tuple(partner_ids)
        today = fields.Date.context_today(self)
        overdue_before = today - timedelta(days=company.adv_overdue_grace_days)
        self.env.cr.execute(
            SQL(
                """SELECT p.commercial_partner_id,
                      SUM(aml.amount_residual),
                      SUM(aml.amount_residual) FILTER (WHERE aml.date_maturity < %(before)s
                                                         AND aml.amount_residual > 0),
                      MAX(%(today)s - aml.date_maturity)
                          FILTER (WHERE aml.date_maturity < %(before)s AND aml.amount_residual > 0)
                 FROM account_move_line aml
                 JOIN res_partner p ON p.id = aml.partner_id
                WHERE aml.partner_id = ANY(ARRAY(
                          SELECT id FROM res_partner WHERE commercial_partner_id IN %(ids)s))
                  AND aml.account_id = ANY(ARRAY(
                          SELECT id FROM account_account WHERE account_type = 'asset_receivable'))
                  AND aml.company_id = %(company)s
                  AND aml.parent_state = 'posted'
                  AND aml.reconciled IS NOT TRUE
             GROUP BY p.commercial_partner_id""",
                ids=ids,
                company=company.id,
                before=overdue_before,
                today=today,
            )
        )
        for pid, residual, overdue, days in self.env.cr.fetchall():
            if company.adv_exposure_receivables:
                result[pid]["receivables"] = residual or 0.0
            result[pid]["overdue_amount"] = overdue or 0.0
            result[pid]["overdue_days"] = days or 0
        if company.adv_exposure_draft_invoices:
            self.env.cr.execute(
                SQL(
                    """SELECT m.commercial_partner_id, SUM(m.amount_total_signed)
                         FROM account_move m
                        WHERE m.commercial_partner_id IN %(ids)s
                          AND m.company_id = %(company)s
                          AND m.state = 'draft'
                          AND m.move_type IN ('out_invoice', 'out_refund')
                     GROUP BY m.commercial_partner_id""",
                    ids=ids,
                    company=company.id,
                )
            )
            for pid, draft in self.env.cr.fetchall():
                result[pid]["draft_invoices"] = draft or 0.0
        # One index probe per customer, not a scan of their paid invoices.
        self.env.cr.execute(
            SQL(
                """SELECT p.id FROM res_partner p
                    WHERE p.id IN %(ids)s
                      AND EXISTS (SELECT 1 FROM account_move m
                                   WHERE m.commercial_partner_id = p.id
                                     AND m.company_id = %(company)s
                                     AND m.state = 'posted'
                                     AND m.move_type = 'out_invoice'
                                     AND m.payment_state IN ('paid', 'in_payment'))""",
                ids=ids,
                company=company.id,
            )
        )
        for (pid,) in self.env.cr.fetchall():
            result[pid]["has_paid_invoice"] = True
        if company.adv_exposure_orders:
            for pid, amount in self._query_uninvoiced_orders(ids, company):
                result[pid]["uninvoiced_orders"] = amount or 0.0
        return result

    def _query_uninvoiced_orders(self, ids, company):
        """(partner, amount) of confirmed orders not invoiced, per invoiced commercial partner."""
        self.env.cr.execute(
            SQL(
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
                    WHERE p.commercial_partner_id IN %(ids)s
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
                      SUM(GREATEST(po.to_invoice / po.rate - COALESCE(dp.amount, 0), 0))
                 FROM per_order po
            LEFT JOIN down_payments dp ON dp.order_id = po.id
             GROUP BY po.partner_id""",
                ids=ids,
                company=company.id,
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _get_partner_credit_data(self, partners, company):
        """Limit, review date, insurer cover and hold of commercial ``partners`` in ``company``."""
        partners = partners.with_company(company).sudo()
        holds = (
            self.env["adv.credit.hold"]
            .sudo()
            .search(
                [("partner_id", "in", partners.ids), ("company_id", "=", company.id)],
                order="date desc",
            )
        )
        hold_by_partner = {}
        for hold in holds:
            hold_by_partner.setdefault(hold.partner_id.id, hold)
        months = company.adv_credit_review_months
        data = {}
        for partner in partners:
            review = partner.adv_credit_review_date
            if not review and months and not partner.use_partner_credit_limit:
                review = (partner.create_date + relativedelta(months=months)).date()
            hold = hold_by_partner.get(partner.id)
            data[partner.id] = {
                "limit": partner.credit_limit,
                "review_date": review,
                "insured_amount": partner.adv_insured_amount,
                "hold": hold
                and {
                    "reason": hold.reason,
                    "since": hold.date,
                    "user": hold.user_id.name,
                },
            }
        return data

    @api.model
    def _get_order_facts(self, orders):
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
            exposure = self._get_exposure(set(partners.ids), company)
            partner_data = self._get_partner_credit_data(partners, company)
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
