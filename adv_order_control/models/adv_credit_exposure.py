# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..tools import receivable_summary
from ..tools.credit_rules import CreditFacts, days_overdue

COMPONENTS = ("receivables", "draft_invoices", "uninvoiced_orders")


class AdvCreditExposure(models.AbstractModel):
    """The exposure engine (encours client): set-based, per commercial partner and company.

    Amounts are in company currency, tax included:

    - open receivables: posted, unreconciled residuals (refunds and unapplied payments net out),
      summed ahead by due date (see ``receivable_summary``);
    - draft customer invoices, but for their lines made from orders (a draft credit note lowers
      nothing until posted);
    - confirmed orders not yet invoiced: each line's tax-included total less what the customer's
      posted invoices and credit notes in this company billed of it, whatever the invoicing
      policy, less down payments billed and not yet deducted. A draft invoice bills nothing: what
      is typed in it cannot lower the exposure.

    All of it, the overdue part, the latest credit hold and (when asked) the per-customer credit
    lock come from one call of the PostgreSQL function ``adv_credit_exposure``, whatever the
    number of customers, invoices and orders. An order and its own draft invoice count once: as
    the order, until the invoice is posted.
    """

    _name = "adv.credit.exposure"
    _description = "Customer credit exposure"

    @api.model
    def _get_exposure(self, partner_ids, company, lock=False):
        """Exposure of commercial partners ``partner_ids`` in ``company``, in one statement.

        ``lock``: take the per-customer credit lock (adv_base's ``adv.lock``) in the same statement.

        :return: {partner_id: {"receivables", "draft_invoices", "uninvoiced_orders",
                  "overdue_amount", "overdue_days", "overdue_since", "has_paid_invoice", "hold"}},
                  ``overdue_since`` the due date of the oldest overdue item (its days counted by
                  :func:`credit_rules.days_overdue`), ``hold`` ``None`` or
                  ``{"reason", "since", "user"}`` of the latest active hold.
        """
        result = {
            pid: dict.fromkeys(COMPONENTS, 0.0)
            | {
                "overdue_amount": 0.0,
                "overdue_days": 0,
                "overdue_since": None,
                "has_paid_invoice": False,
                "hold": None,
            }
            for pid in partner_ids
        }
        if not partner_ids:
            return result
        self.env.flush_all()
        today = fields.Date.context_today(self)
        self.env.cr.execute(
            SQL(
                "SELECT * FROM adv_credit_exposure(%s::int[], %s, %s, %s, %s)",
                sorted(partner_ids),
                company.id,
                today - timedelta(days=company.adv_overdue_grace_days),
                today,
                lock,
            )
        )
        for row in self.env.cr.fetchall():
            pid, residual, overdue, oldest, draft, paid, orders, reason, since, user = row
            values = result[pid]
            if company.adv_exposure_receivables:
                values["receivables"] = float(residual or 0.0)
            values["overdue_amount"] = float(overdue or 0.0)
            values["overdue_since"] = oldest
            values["overdue_days"] = days_overdue(oldest, today)
            if company.adv_exposure_draft_invoices:
                values["draft_invoices"] = float(draft or 0.0)
            values["has_paid_invoice"] = paid
            if company.adv_exposure_orders:
                values["uninvoiced_orders"] = float(orders or 0.0)
            if reason is not None:
                values["hold"] = {"reason": reason, "since": since, "user": user}
        return result

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
        by_company = defaultdict(list)  # ids: a union per order would be quadratic
        for order in orders:
            by_company[order.company_id].append(order.id)
        for company, order_ids in by_company.items():
            company_orders = orders.browse(order_ids)
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
                    overdue_since=expo["overdue_since"],
                    review_date=pdata["review_date"],
                    hold=pdata["hold"],
                    has_paid_invoice=expo["has_paid_invoice"],
                    insured_amount=pdata["insured_amount"],
                    settings=settings,
                )
        return facts
