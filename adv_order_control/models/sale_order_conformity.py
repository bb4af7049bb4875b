# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Conformity of an order to the customer's commercial agreement (cahier des charges client).

Kept apart from ``sale_order.py`` (credit) because it is a separate concern with its own
extension point: :meth:`SaleOrder._adv_conformity_checks` returns one structured result per check,
passing or not; other addons add a check by overriding it and appending their own results.
"""

import re
from datetime import timedelta
from types import SimpleNamespace

from markupsafe import Markup, escape

from odoo import api, fields, models

from ..tools.credit_rules import APPROVAL, BLOCK, CONFORMITY_RULES, PASS, RuleResult

FR_ZIP = re.compile(r"^\d{5}$")


class SaleOrder(models.Model):
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    adv_checklist = fields.Html(
        string="Conformity checklist", compute="_compute_adv_checklist", sanitize=False
    )

    @api.depends_context("uid", "lang")
    def _compute_adv_checklist(self):
        icons = {
            PASS: "fa-check text-success",
            "warn": "fa-info-circle text-info",
            APPROVAL: "fa-exclamation-triangle text-warning",
            BLOCK: "fa-times text-danger",
        }
        for order in self:
            if not order.partner_id:
                order.adv_checklist = False
                continue
            items = Markup("").join(
                Markup('<li class="list-group-item"><i class="fa %s me-2"/>%s</li>')
                % (icons.get(result.outcome, ""), escape(result.message))
                for result in order._adv_conformity_checks()
            )
            order.adv_checklist = Markup('<ul class="list-group">%s</ul>') % items

    # ------------------------------------------------------------
    # The extension point
    # ------------------------------------------------------------

    def _adv_conformity_checks(self):
        """All conformity results of the order (passing ones included, for the checklist).

        The checks are declared in ``credit_rules.CONFORMITY_RULES`` (code, label, method).
        Another addon adds one by overriding: ``return super()._adv_conformity_checks() +
        [RuleResult(...)]`` (its code shows as is on the check lines unless it extends
        ``adv.order.check.line._get_rule_labels``).
        """
        self.ensure_one()
        if not self.company_id.adv_conformity_check:
            return []
        shared = self._adv_conformity_shared()
        return [getattr(self, rule.check)(shared) for rule in CONFORMITY_RULES]

    def _adv_conformity_shared(self):
        """What several checks read, read once per order: the customer (in the order's
        company, as superuser), France's and the EU countries' ids."""
        return SimpleNamespace(
            customer=self.partner_id.commercial_partner_id.with_company(self.company_id).sudo(),
            countries=self._adv_country_ids(),
        )

    # ------------------------------------------------------------
    # The checks: one small method each, returning one result
    # ------------------------------------------------------------

    @api.model
    def _adv_country_ids(self):
        """(France, the EU countries), read once per cursor: compared by id, no query."""
        cache = self.env.cr.cache
        if "adv_country_ids" not in cache:
            cache["adv_country_ids"] = self._adv_read_country_ids()
        return cache["adv_country_ids"]

    @api.model
    def _adv_read_country_ids(self):
        Data = self.env["ir.model.data"].sudo()
        france = Data._xmlid_to_res_id("base.fr", raise_if_not_found=False)
        europe = (
            self.env["res.country.group"]
            .sudo()
            .browse(Data._xmlid_to_res_id("base.europe", raise_if_not_found=False))
        )
        return france, frozenset(europe.exists().country_ids.ids)

    def _adv_check_min_amount(self, shared):
        minimum = shared.customer.adv_min_order_amount or self.company_id.adv_min_order_amount
        untaxed = self._adv_trusted_totals()[self.id][0]
        if minimum and untaxed < minimum:
            return RuleResult(
                "min_amount",
                APPROVAL,
                self.env._(
                    "Order amount %(amount)s is below the minimum order of %(minimum)s.",
                    amount=self.currency_id.format(untaxed),
                    minimum=self.currency_id.format(minimum),
                ),
            )
        return RuleResult("min_amount", PASS, self.env._("Minimum order amount respected."))

    def _adv_check_packaging(self, shared):
        if not shared.customer.adv_buys_by_packaging:
            return RuleResult("packaging", PASS, self.env._("No packaging constraint."))
        wrong = []
        for line in self.order_line.filtered(lambda ln: not ln.display_type and ln.product_id):
            packs = line.product_id.packaging_ids.filtered("sales")
            qty = line.product_uom._compute_quantity(line.product_uom_qty, line.product_id.uom_id)
            rounding = line.product_id.uom_id.rounding
            if packs and not any(
                abs(qty / p.qty - round(qty / p.qty)) * p.qty < rounding for p in packs if p.qty
            ):
                wrong.append(
                    self.env._(
                        "%(product)s: %(qty)s is not a multiple of the packaging (%(pack)s)",
                        product=line.product_id.display_name,
                        qty=line.product_uom_qty,
                        pack=", ".join("%s = %g" % (p.name, p.qty) for p in packs),
                    )
                )
        if wrong:
            return RuleResult("packaging", BLOCK, "; ".join(wrong) + ".")
        return RuleResult("packaging", PASS, self.env._("Quantities in whole packagings."))

    def _adv_check_po_ref(self, shared):
        if shared.customer.adv_require_po_ref and not (self.client_order_ref or "").strip():
            return RuleResult(
                "po_ref",
                BLOCK,
                self.env._("The customer requires their purchase order reference on every order."),
            )
        return RuleResult("po_ref", PASS, self.env._("Customer reference as agreed."))

    def _adv_check_addresses(self, shared):
        problems = []
        for kind, address in (
            ("delivery", self.partner_shipping_id),
            ("invoice", self.partner_invoice_id),
        ):
            missing = [
                name
                for name, value in (
                    ("street", address.street),
                    ("zip", address.zip),
                    ("city", address.city),
                    ("country", address.country_id),
                )
                if not value
            ]
            if missing:
                problems.append(
                    self.env._(
                        "%(address)s address: missing %(fields)s",
                        address=self._adv_address_label(kind),
                        fields=", ".join(self._adv_address_label(name) for name in missing),
                    )
                )
            elif address.country_id.id == shared.countries[0] and not FR_ZIP.match(
                address.zip.strip()
            ):
                problems.append(
                    self.env._(
                        "%(address)s address: %(zip)s is not a French postcode (5 digits)",
                        address=self._adv_address_label(kind),
                        zip=address.zip,
                    )
                )
        if problems:
            return RuleResult("address", BLOCK, "; ".join(problems) + ".")
        return RuleResult("address", PASS, self.env._("Delivery and invoice addresses complete."))

    def _adv_address_label(self, key):
        """The words of an address problem, translated only when there is one (every order
        goes through the check)."""
        return {
            "delivery": self.env._("Delivery"),
            "invoice": self.env._("Invoice"),
            "street": self.env._("street"),
            "zip": self.env._("zip"),
            "city": self.env._("city"),
            "country": self.env._("country"),
        }[key]

    def _adv_check_eu_vat(self, shared):
        customer = shared.customer
        country = customer.country_id
        europe = shared.countries[1]
        home = self.company_id.country_id
        if country and country.id in europe and country != home:
            vat = (customer.vat or "").replace(" ", "").upper()
            prefix = "EL" if country.code == "GR" else country.code  # read when it matters
            if not vat.startswith(prefix):
                return RuleResult(
                    "vat",
                    BLOCK,
                    self.env._(
                        "%(customer)s is an EU customer outside %(home)s: an intra-EU VAT number "
                        "starting with %(prefix)s is required.",
                        customer=customer.name,
                        home=home.name,
                        prefix=prefix,
                    ),
                )
        return RuleResult("vat", PASS, self.env._("VAT number as required."))

    def _adv_check_incoterm(self, shared):
        country = self.partner_shipping_id.country_id or shared.customer.country_id
        home = self.company_id.country_id
        if country and home and country != home and not self.incoterm:
            return RuleResult(
                "incoterm",
                BLOCK,
                self.env._("Export order to %(country)s: set the incoterm.", country=country.name),
            )
        return RuleResult("incoterm", PASS, self.env._("Incoterm as required."))

    def _adv_check_lead_time(self, shared):
        if not self.commitment_date:
            return RuleResult("lead_time", PASS, self.env._("No requested delivery date."))
        lines = self.order_line.filtered(lambda ln: not ln.display_type and ln.product_id)
        delay = max(lines.mapped("customer_lead") or [0.0])
        earliest = fields.Date.context_today(self) + timedelta(
            days=delay + (self.company_id.security_lead or 0.0)
        )
        requested = fields.Date.to_date(self.commitment_date)
        delay_txt = "%g" % delay
        security_txt = "%g" % (self.company_id.security_lead or 0.0)
        if requested < earliest:
            return RuleResult(
                "lead_time",
                BLOCK,
                self.env._(
                    "Requested date %(requested)s is too early: the earliest possible date is "
                    "%(earliest)s (lead time %(delay)s days + security %(security)s days).",
                    requested=fields.Date.to_string(requested),
                    earliest=fields.Date.to_string(earliest),
                    delay=delay_txt,
                    security=security_txt,
                ),
            )
        return RuleResult("lead_time", PASS, self.env._("Requested date feasible."))

    def _adv_check_payment_term(self, shared):
        agreed = shared.customer.property_payment_term_id
        if agreed and self.payment_term_id != agreed:
            return RuleResult(
                "payment_term",
                APPROVAL,
                self.env._(
                    "Payment terms %(order)s differ from the agreed %(agreed)s.",
                    order=self.payment_term_id.name or self.env._("(none)"),
                    agreed=agreed.name,
                ),
            )
        return RuleResult("payment_term", PASS, self.env._("Payment terms as agreed."))

    def _adv_check_discount(self, shared):
        maximum = self.user_id.sudo().adv_max_discount
        if maximum:
            over = self.order_line.filtered(lambda ln: ln.discount > maximum)
            if over:
                return RuleResult(
                    "discount",
                    APPROVAL,
                    self.env._(
                        "Discount %(discount)s %% is above %(user)s's maximum of %(max)s %%.",
                        discount="%g" % max(over.mapped("discount")),
                        user=self.user_id.name,
                        max="%g" % maximum,
                    ),
                )
        return RuleResult("discount", PASS, self.env._("Discounts within delegation."))
