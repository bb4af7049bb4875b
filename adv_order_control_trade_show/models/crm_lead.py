# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.tools import format_date


class CrmLead(models.Model):
    """A trade-show lead that becomes a customer (crm's conversion creates or assigns its
    partner) gives that customer order control's defaults in the lead's company: the company's
    default credit limit, reviewed ``adv_credit_review_months`` from today."""

    _inherit = "crm.lead"

    def _adv_show_customer_assigned(self, companies):
        res = super()._adv_show_customer_assigned(companies)
        self._adv_show_credit_defaults(companies)
        return res

    def _adv_show_credit_defaults(self, companies=None):
        """Give the customers of these show leads the default credit limit and an explicit
        review date in each lead's company, unless they already have their own limit or review
        date there. One read and one write per company.
        ``companies``: ``{lead id: company}`` to use instead of the leads' current company.

        The limit is left to Odoo's fallback (the company default, ``ir.default`` of
        ``credit_limit``): a written copy equal to the default could not be told apart from
        it and would no longer follow the company's default.
        """
        by_company = defaultdict(lambda: defaultdict(lambda: self.env["crm.lead"]))
        for lead in self.filtered("adv_show_id"):
            customer = lead.partner_id.commercial_partner_id
            if customer:
                company = (companies or {}).get(lead.id) or lead.company_id or self.env.company
                by_company[company][customer] |= lead
        for company, leads_by_customer in by_company.items():
            months = company.adv_credit_review_months
            if months <= 0:
                continue  # never reviewed: the fallback already gives the default limit
            Partner = self.env["res.partner"].sudo().with_company(company)
            customers = Partner.browse([c.id for c in leads_by_customer])
            fresh = customers.filtered(
                lambda p: not p.use_partner_credit_limit and not p.adv_credit_review_date
            )
            if not fresh:
                continue
            today = fields.Date.context_today(self)
            review = today + relativedelta(months=months)
            fresh.write({"adv_credit_review_date": review})
            limit = company.currency_id.format(
                Partner._fields["credit_limit"].get_company_dependent_fallback(Partner) or 0.0
            )
            bodies = {
                customer.id: self.env._(
                    "Customer won at the trade show %(show)s: default credit limit of "
                    "%(company)s (%(limit)s), credit review on %(date)s.",
                    show=", ".join(leads_by_customer[customer].sudo().adv_show_id.mapped("name")),
                    company=company.name,
                    limit=limit,
                    date=format_date(self.env, review),
                )
                for customer in fresh
            }
            fresh._message_log_batch(bodies=bodies)
