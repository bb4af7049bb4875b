# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from functools import partial

from odoo import api, fields, models
from odoo.exceptions import AccessError

from odoo.addons.adv_base.tools.protected_fields import CUSTOMER_FIGURE_READERS

# The fields a credit decision reads: owned by credit controllers and administrators.
OWNED_FIELDS = {
    "credit_limit",
    "use_partner_credit_limit",
    "adv_credit_review_date",
    "adv_credit_insurer_id",
    "adv_insured_amount",
    "adv_min_order_amount",
    "adv_buys_by_packaging",
    "adv_require_po_ref",
}
OWNER_GROUPS = ("adv_order_control.group_credit_controller", "base.group_system")


# The customer's credit figures, all computed at once in the current company's currency.
_credit_amount = partial(
    fields.Monetary,
    compute="_compute_adv_credit",
    currency_field="adv_credit_currency_id",
    groups=CUSTOMER_FIGURE_READERS,
)


class ResPartner(models.Model):
    _inherit = "res.partner"

    adv_credit_review_date = fields.Date(
        string="Credit review date",
        company_dependent=True,
        groups=CUSTOMER_FIGURE_READERS,
        help="Past this date the credit limit must be reviewed: orders need approval.",
    )
    adv_credit_insurer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Credit insurer",
        company_dependent=True,
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_insured_amount = fields.Float(
        string="Insured amount",
        company_dependent=True,
        groups=CUSTOMER_FIGURE_READERS,
        help="Cover granted by the credit insurer; exposure above it is flagged.",
    )
    # The commercial agreement (cahier des charges client)
    adv_min_order_amount = fields.Float(
        string="Minimum order amount",
        company_dependent=True,
        help="Untaxed; below it an order needs approval (0: the company default).",
    )
    adv_buys_by_packaging = fields.Boolean(
        string="Buys by packaging", help="Quantities must be whole sales packagings."
    )
    adv_require_po_ref = fields.Boolean(
        string="Requires a PO reference", help="Every order must carry the customer's reference."
    )
    # Odoo's own field: the customer's payment terms stay Odoo's, their changes are tracked.
    property_payment_term_id = fields.Many2one(tracking=True)
    adv_can_edit_credit = fields.Boolean(
        compute="_compute_adv_can_edit_credit",
        help="Technical: the user owns the credit limit and commercial agreement fields.",
    )
    adv_credit_hold_ids = fields.One2many(
        comodel_name="adv.credit.hold",
        inverse_name="partner_id",
        string="Credit holds",
        groups=CUSTOMER_FIGURE_READERS,
    )
    adv_on_credit_hold = fields.Boolean(
        string="On credit hold", compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS
    )
    adv_credit_hold_reason = fields.Char(
        string="Hold reason", compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS
    )
    adv_credit_currency_id = fields.Many2one(
        comodel_name="res.currency", compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS
    )
    adv_credit_limit = _credit_amount(string="Credit limit")
    adv_exposure_receivables = _credit_amount(string="Open receivables")
    adv_exposure_draft_invoices = _credit_amount(string="Draft invoices")
    adv_exposure_orders = _credit_amount(string="Orders not invoiced")
    adv_exposure = _credit_amount(string="Exposure")
    adv_overdue_amount = _credit_amount(
        string="Overdue (credit exposure)",
        help="Open receivables past their due date plus the company's grace days, whatever "
        "their amount: what the credit rules read. The dunning may claim less (its levels "
        "wait longer and skip small amounts).",
    )
    adv_credit_utilisation = fields.Float(
        string="Utilisation (%)", compute="_compute_adv_credit", groups=CUSTOMER_FIGURE_READERS
    )

    @api.depends("adv_credit_hold_ids.active")
    @api.depends_context("company")
    def _compute_adv_credit(self):
        """The breakdown shown on the partner: readable by salespeople (a controlled sudo)."""
        company = self.env.company
        commercial = self.commercial_partner_id
        exposure = (
            self.env["adv.credit.exposure"].sudo()._get_exposure(set(commercial.ids), company)
        )
        data = (
            self.env["adv.credit.exposure"]
            .sudo()
            ._get_partner_credit_data(commercial, company, exposure)
        )
        for partner in self:
            pid = partner.commercial_partner_id.id
            expo, pdata = exposure.get(pid), data.get(pid)
            if not expo:  # new record
                partner.update(
                    dict.fromkeys(
                        [
                            "adv_on_credit_hold",
                            "adv_credit_hold_reason",
                            "adv_credit_limit",
                            "adv_exposure_receivables",
                            "adv_exposure_draft_invoices",
                            "adv_exposure_orders",
                            "adv_exposure",
                            "adv_overdue_amount",
                            "adv_credit_utilisation",
                        ],
                        False,
                    )
                )
                partner.adv_credit_currency_id = company.currency_id
                continue
            total = expo["receivables"] + expo["draft_invoices"] + expo["uninvoiced_orders"]
            partner.adv_credit_currency_id = company.currency_id
            partner.adv_on_credit_hold = bool(pdata["hold"])
            partner.adv_credit_hold_reason = pdata["hold"] and pdata["hold"]["reason"]
            partner.adv_credit_limit = pdata["limit"]
            partner.adv_exposure_receivables = expo["receivables"]
            partner.adv_exposure_draft_invoices = expo["draft_invoices"]
            partner.adv_exposure_orders = expo["uninvoiced_orders"]
            partner.adv_exposure = total
            partner.adv_overdue_amount = expo["overdue_amount"]
            partner.adv_credit_utilisation = (
                100.0 * total / pdata["limit"] if pdata["limit"] > 0 else 0.0
            )

    @api.depends_context("uid")
    def _compute_adv_can_edit_credit(self):
        self.adv_can_edit_credit = self._adv_owns_credit_fields()

    def _adv_owns_credit_fields(self):
        return self.env.su or any(self.env.user.has_group(g) for g in OWNER_GROUPS)

    def _adv_check_owned_fields(self, written):
        if written and not self._adv_owns_credit_fields():
            labels = sorted(
                self._fields[name].get_description(self.env)["string"] for name in written
            )
            raise AccessError(
                self.env._(
                    "Only credit controllers and administrators can change %(fields)s.",
                    fields=", ".join(labels),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        """A new contact starts on the defaults; only an owner gives it its own credit terms
        (by values or by ``default_*`` context keys)."""
        if not self._adv_owns_credit_fields():
            context = {
                key: value
                for key, value in self.env.context.items()
                if not (key.startswith("default_") and key[8:] in OWNED_FIELDS)
            }
            self = self.with_env(self.env(context=context))  # noqa: PLW0642
            fallback = self._fields["credit_limit"].get_company_dependent_fallback(self) or 0.0
            written = {
                name
                for vals in vals_list
                for name in OWNED_FIELDS & set(vals)
                if (vals[name] != fallback if name == "credit_limit" else bool(vals[name]))
            }
            self._adv_check_owned_fields(written)
        return super().create(vals_list)

    def write(self, vals):
        if self._adv_owns_credit_fields():
            return super().write(vals)
        self._adv_check_owned_fields(OWNED_FIELDS & set(vals))
        if "commercial_partner_id" in vals:
            raise AccessError(
                self.env._("The commercial entity of a contact follows its parent company.")
            )
        if not {"parent_id", "is_company"} & set(vals):
            return super().write(vals)
        # Odoo copies the new parent's commercial fields (the credit limit among them) as
        # superuser: compare what the credit control reads, before and after.
        family = self.with_context(active_test=False).search([("id", "child_of", self.ids)])
        before = {p.id: (p.commercial_partner_id.id, p._adv_owned_values()) for p in family}
        result = super().write(vals)
        moved = family.filtered(lambda p: p.commercial_partner_id.id != before[p.id][0])
        if moved and self.env["sale.order"].sudo().search_count(
            [("partner_invoice_id", "in", moved.ids), ("state", "=", "sale")], limit=1
        ):
            raise AccessError(
                self.env._(
                    "%(contacts)s: invoice address of confirmed orders; only credit controllers "
                    "and administrators can move it to another company.",
                    contacts=", ".join(moved.mapped("display_name")),
                )
            )
        # A customer's own terms changed by the sync, or a contact (carrying its company's
        # copied terms) made a customer of its own: only an owner may.
        changed = family.filtered(
            lambda p: (
                (before[p.id][0] == p.id and p._adv_owned_values() != before[p.id][1])
                or (
                    before[p.id][0] != p.id
                    and p.commercial_partner_id == p
                    and not p._adv_owned_values_are_defaults()
                )
            )
        )
        if changed:
            self._adv_check_owned_fields(OWNED_FIELDS)
        return result

    def _adv_owned_values_are_defaults(self):
        self.ensure_one()
        partner = self.sudo()
        fallback = self._fields["credit_limit"].get_company_dependent_fallback(self) or 0.0
        return all(
            partner[name] == fallback if name == "credit_limit" else not partner[name]
            for name in OWNED_FIELDS - {"use_partner_credit_limit"}
        )

    def _adv_owned_values(self):
        self.ensure_one()
        partner = self.sudo()
        return tuple(partner[name] for name in sorted(OWNED_FIELDS))

    def _adv_set_credit_hold(self, reason, company=None):
        """Put the commercial partners on credit hold in ``company`` (other addons call this)."""
        company = company or self.env.company
        partners = self.commercial_partner_id
        held = (
            self.env["adv.credit.hold"]
            .search([("partner_id", "in", partners.ids), ("company_id", "=", company.id)])
            .partner_id
        )
        return self.env["adv.credit.hold"].create(
            [
                {"partner_id": p.id, "company_id": company.id, "reason": reason}
                for p in partners - held
            ]
        )

    def action_adv_credit_hold(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Put on credit hold"),
            "res_model": "adv.credit.hold",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_id": self.commercial_partner_id.id},
        }

    def action_adv_lift_credit_hold(self):
        holds = self.env["adv.credit.hold"].search(
            [
                ("partner_id", "in", self.commercial_partner_id.ids),
                ("company_id", "=", self.env.company.id),
            ]
        )
        return holds.action_lift()

    def action_adv_view_credit_checks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "adv_order_control.adv_order_check_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action
