# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools.misc import formatLang

from ..tools.late_payment import FIXED_INDEMNITY, PaymentMentions


class ResPartner(models.Model):
    """The payment mentions French law requires on every B2B invoice (C. com. L441-9): the
    late-payment penalty rate (L441-10), the fixed 40 EUR recovery indemnity (D441-5) and the
    early-payment discount terms or their absence, worded once here for the invoice (PDF and
    Factur-X) and for the dunning's letters, from the rates the dunning's penalties use."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    def _adv_payment_mentions(self, company, day=None, payment_term=None, lang=None):
        """The mentions for this customer invoiced by ``company`` on ``day`` (default: today)
        with ``payment_term``, in ``lang`` (default: the partner's language). A dunning letter
        words its penalties with ``partner._adv_payment_mentions(company, date).penalties``."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        request = (self, company, day, payment_term, lang or self.lang)
        return self._adv_payment_mentions_batch({self: request})[self]

    @api.model
    def _adv_payment_mentions_batch(self, requests):
        """{key: PaymentMentions} for ``requests`` {key: (partner, company, day, payment term,
        language)}: the rate table and the customers' policies read once for all."""
        stated = self._adv_stated_rates(
            {key: (partner, company, day) for key, (partner, company, day, *__) in requests.items()}
        )
        eur = self.env.ref("base.EUR")  # the indemnity is 40 euros by law
        return {
            key: self._adv_mention_texts(stated[key], term, lang, eur)
            for key, (__, __, __, term, lang) in requests.items()
        }

    @api.model
    def _adv_stated_rates(self, requests):
        """{key: StatedRate} for ``requests`` {key: (partner, company, day)}: the penalty rate
        of the customer's dunning policy (its contract rate floored at 3 x the legal rate, else
        ECB + 10 points) for the half-year of ``day``."""
        contract = {}
        for company in {company for __, company, __ in requests.values()}:
            partners = self.browse(
                {p.commercial_partner_id.id for p, c, __ in requests.values() if c == company}
            )
            contract[company] = partners._adv_contract_rates(company)
        keys = {
            key: (contract[company][partner.commercial_partner_id.id], day)
            for key, (partner, company, day) in requests.items()
        }
        stated = self.env["adv.late.payment.rate"]._stated_rates(set(keys.values()))
        return {key: stated[rate_key] for key, rate_key in keys.items()}

    def _adv_contract_rates(self, company):
        """{customer id: contract rate of its dunning policy in ``company`` (0: none)}, the
        policy being the customer's own or the company's default, as the dunning run reads it.
        Read as superuser: the invoice states it to the customer anyway."""
        default = company.sudo().adv_dunning_policy_id
        return {
            partner.id: (partner.adv_dunning_policy_id or default).contract_rate
            for partner in self.with_company(company).sudo()
        }

    @api.model
    def _adv_mention_texts(self, stated, payment_term, lang, eur):
        """The three mentions of ``stated`` (a StatedRate) worded in ``lang``."""
        env = self.with_context(lang=lang or "en_US").env

        def percent(value):
            return formatLang(env, value, digits=2)

        if stated.contract_rate:
            basis = env._(
                "contract rate of %(rate)s %%, never less than three times the legal interest rate",
                rate=percent(stated.contract_rate),
            )
        else:
            basis = env._("ECB refinancing rate + 10 points")
        terms = basis
        if stated.rate is not None:
            label = env["adv.late.payment.rate"]._half_year_label(stated.rate_half_year)
            values = {"basis": basis, "rate": percent(stated.rate), "half_year": label}
            if stated.fallback:
                terms = env._(
                    "%(basis)s, i.e. %(rate)s %% a year (rate of %(half_year)s, the latest known)",
                    **values,
                )
            else:
                terms = env._("%(basis)s, i.e. %(rate)s %% a year for %(half_year)s", **values)
        if payment_term and payment_term.early_discount:
            discount = env._(
                "Discount for early payment: %(percent)s %% if paid within %(days)s days of the "
                "invoice date.",
                percent=percent(payment_term.discount_percentage),
                days=payment_term.discount_days,
            )
        else:
            discount = env._("No discount for early payment.")
        return PaymentMentions(
            penalties=env._(
                "Late-payment penalties: %(terms)s, due from the day after the due date without "
                "any reminder (C. com. L441-10).",
                terms=terms,
            ),
            indemnity=env._(
                "Fixed indemnity for recovery costs in case of late payment: %(amount)s "
                "(C. com. L441-10 and D441-5).",
                amount=formatLang(env, FIXED_INDEMNITY, currency_obj=eur.with_env(env)),
            ),
            discount=discount,
            stated=stated,
        )
