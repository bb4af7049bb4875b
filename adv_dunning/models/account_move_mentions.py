# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

MENTION_MOVE_TYPES = ("out_invoice", "out_refund")


class AccountMove(models.Model):
    """The payment mentions of a French B2B invoice (C. com. L441-9), stated in advance from the
    rates the dunning will later claim: printed on the invoice, carried by its structured
    export (adv_dunning_facturx), checked when it is posted.

    Which documents: customer invoices and credit notes of a company in France to a
    professional customer (a company, or a contact of one). Credit notes carry them too: a
    credit note states the mentions of the invoice it corrects, and the French e-invoicing
    rules (BR-FR-05) ask for the three coded notes on every document. Dunning fee invoices do
    not: they invoice penalties, which bear no penalty of their own."""

    _inherit = "account.move"  # pylint: disable=consider-merging-classes-inherited

    adv_payment_mentions_warning = fields.Text(
        string="Payment mentions warning",
        compute="_compute_adv_payment_mentions_warning",
        help="What the invoice's payment mentions (C. com. L441-9) rest on that needs care: a "
        "rate of an earlier half-year, an empty rate table, no payment terms.",
    )

    @api.depends(
        "move_type",
        "company_id",
        "partner_id",
        "invoice_date",
        "invoice_payment_term_id",
        "adv_dunning_fees",
    )
    @api.depends_context("lang")
    def _compute_adv_payment_mentions_warning(self):
        warnings = self._adv_payment_mentions_warnings()
        for move in self:
            move.adv_payment_mentions_warning = "\n".join(warnings.get(move, [])) or False

    def write(self, vals):
        if vals.get("state") == "posted":
            self.filtered(lambda m: m.state != "posted")._adv_check_payment_terms()
        return super().write(vals)

    def _post(self, soft=True):
        posted = super()._post(soft)
        posted._adv_log_payment_mentions_warnings()
        return posted

    # ------------------------------------------------------------------------------------------
    # The mentions
    # ------------------------------------------------------------------------------------------
    def _adv_needs_payment_mentions(self):
        """The documents that state the mentions: French company, professional customer."""
        return self.filtered(
            lambda m: (
                m.move_type in MENTION_MOVE_TYPES
                and not m.adv_dunning_fees
                and m.company_id.country_id.code == "FR"
                and m.commercial_partner_id.is_company
            )
        )

    def _adv_mentions_date(self):
        self.ensure_one()
        return self.invoice_date or fields.Date.context_today(self)

    def _adv_payment_mentions(self):
        """{invoice: PaymentMentions} for those of these invoices that state them, each in its
        customer's language (one read of the rate table and of the customers' policies)."""
        requests = {
            move: (
                move.commercial_partner_id,
                move.company_id,
                move._adv_mentions_date(),
                move.invoice_payment_term_id,
                move.partner_id.lang,
            )
            for move in self._adv_needs_payment_mentions()
        }
        return self.env["res.partner"]._adv_payment_mentions_batch(requests) if requests else {}

    # ------------------------------------------------------------------------------------------
    # Warnings and the company's guard
    # ------------------------------------------------------------------------------------------
    def _adv_payment_mentions_warnings(self):
        """{invoice: [warning]} in the user's language: the stated rate is that of an earlier
        half-year (the table lacks the invoice's), the table is empty, or an invoice has no
        payment terms (its payment conditions then rest on a typed due date alone)."""
        moves = self._adv_needs_payment_mentions()
        if not moves:
            return {}
        stated = self.env["res.partner"]._adv_stated_rates(
            {m: (m.commercial_partner_id, m.company_id, m._adv_mentions_date()) for m in moves}
        )
        Rate = self.env["adv.late.payment.rate"]
        warnings = {}
        for move in moves:
            rate = stated[move]
            messages = []
            if rate.rate is None:
                messages.append(
                    self.env._(
                        "The late-payment rate table is empty: the invoice states no penalty "
                        "rate. Fill it in Sales Administration > Configuration > Late-payment "
                        "rates."
                    )
                )
            elif rate.fallback:
                messages.append(
                    self.env._(
                        "No late-payment rate for %(missing)s: the invoice states the rate of "
                        "%(used)s, the latest known. Add %(missing)s in Sales Administration > "
                        "Configuration > Late-payment rates.",
                        missing=Rate._half_year_label(rate.half_year),
                        used=Rate._half_year_label(rate.rate_half_year),
                    )
                )
            if move.move_type == "out_invoice" and not move.invoice_payment_term_id:
                messages.append(self._adv_no_terms_message())
            if messages:
                warnings[move] = messages
        return warnings

    def _adv_no_terms_message(self):
        return self.env._(
            "No payment terms: the payment conditions the invoice must state (C. com. L441-9) "
            "rest on its due date alone. Choose payment terms."
        )

    def _adv_check_payment_terms(self):
        """A company may refuse to post French B2B invoices without payment terms."""
        missing = self._adv_needs_payment_mentions().filtered(
            lambda m: (
                m.move_type == "out_invoice"
                and not m.invoice_payment_term_id
                and m.company_id.adv_mentions_require_terms
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "%(invoices)s: %(reason)s Your company does not post French B2B invoices "
                    "without payment terms.",
                    invoices=", ".join(missing.mapped("display_name")),
                    reason=self._adv_no_terms_message(),
                )
            )

    def _adv_log_payment_mentions_warnings(self):
        """Posted with a warning: a note on each invoice tells who posted it what its mentions
        rest on (the banner on the invoice shows it until the cause is fixed)."""
        warnings = self._adv_payment_mentions_warnings()
        if not warnings:
            return
        title = self.env._("Payment mentions to check:")
        bodies = {
            move.id: Markup("<p>%s</p><ul>%s</ul>")
            % (title, Markup().join(Markup("<li>%s</li>") % text for text in texts))
            for move, texts in warnings.items()
        }
        self.browse(list(bodies))._message_log_batch(bodies=bodies)
