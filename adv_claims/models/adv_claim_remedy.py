# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies: the claim decides, Odoo's own documents repair.

Each remedy type has one ``_execute_<type>`` method creating the native document: the accounting
ones (credit note, commercial gesture, re-invoicing, back-charge) in
``adv_claim_remedy_accounting.py``, the stock ones (return, replacement order or delivery) in
``adv_claim_remedy_stock.py``; the approvals in ``adv_claim_remedy_approval.py``. Execution is
refused above the user's delegation for that remedy type, unless someone whose delegation covers
it approved it.

A remedy's decision is data nobody may forge (``../shared/THREATS.md``): its state, who approved
it and for how much, who carried it out and the document it created (``DECISION_FIELDS``) change
only through its actions, which check the delegation first; they are refused in the values of
``create`` and ``write`` and dropped from the context defaults. An approval covers the terms it
was given on: changing them (``TERMS_FIELDS``) or raising the amount sends the remedy back to
draft for a new approval (the handler corrects the remedy without cancelling it, the approver
decides again on the new figure); an amount that grows without a write (the claimed quantities
of a credit note) is carried out only within the approved amount, else within the user's own
delegation. The amount of a credit note or a replacement is what its document will be (the value
of the claimed lines, their cost), never a typed figure.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.adv_base.tools.notification import notify
from odoo.addons.adv_base.tools.protected_fields import (
    DECISION,
    refuse_protected,
    without_defaults_of,
)

REMEDY_TYPES = [
    ("credit_note", "Credit note"),
    ("return", "Return"),
    ("replacement", "Replacement delivery"),
    ("gesture", "Commercial gesture"),
    ("reinvoice", "Re-invoicing"),
    ("back_charge", "Back-charge (carrier / supplier)"),
]
REMEDY_STATES = [
    ("draft", "Draft"),
    ("to_approve", "To approve"),
    ("approved", "Approved"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# What the company gives away: these remedies add their amount to the claim's stake.
COST_TYPES = ("credit_note", "return", "replacement", "gesture")
# Remedies whose amount is computed from their document (the claimed lines): never typed.
COMPUTED_AMOUNT_TYPES = ("credit_note", "replacement")
# The decision: written by the actions only (as superuser, after their checks).
DECISION_FIELDS = {
    "state",
    "approved_by_id",
    "approved_amount",
    "done_by_id",
    "account_move_id",
    "sale_order_id",
}
# What an approval is given on: changing one of them (or raising the amount) withdraws it.
TERMS_FIELDS = {
    "claim_id",
    "remedy_type",
    "line_ids",
    "credit_scope",
    "partner_id",
    "purchase_id",
    "return_destination",
    "replacement_mode",
}
# What a remedy carried out or cancelled keeps as it was.
FROZEN_FIELDS = TERMS_FIELDS | {"amount", "picking_id", "note"}


class AdvClaimRemedy(models.Model):
    _name = "adv.claim.remedy"
    _inherit = ["mail.thread"]
    _description = "Claim remedy"
    _order = "claim_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    claim_id = fields.Many2one(
        comodel_name="adv.claim", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="claim_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="claim_id.currency_id")
    remedy_type = fields.Selection(selection=REMEDY_TYPES, required=True, tracking=True)
    state = fields.Selection(
        selection=REMEDY_STATES, default="draft", required=True, tracking=True, copy=False
    )
    line_ids = fields.Many2many(
        comodel_name="adv.claim.line",
        string="Claimed lines",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
        domain="[('claim_id', '=', claim_id)]",
    )
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
        help="Credit notes and replacements: computed from the claimed lines. Others: typed.",
    )
    cost = fields.Monetary(
        compute="_compute_cost", store=True, help="What this remedy adds to the claim's stake."
    )
    note = fields.Char(string="Label")
    credit_scope = fields.Selection(
        selection=[("lines", "Claimed quantities"), ("invoice", "Whole invoice")],
        default="lines",
    )
    return_destination = fields.Selection(
        selection=[("stock", "Back to stock"), ("scrap", "Scrap")], default="stock"
    )
    replacement_mode = fields.Selection(
        selection=[("order", "Sale order"), ("picking", "Delivery only")], default="order"
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Charged partner",
        check_company=True,
        help="Back-charge: the carrier or supplier who bears the cost.",
    )
    purchase_id = fields.Many2one(
        comodel_name="purchase.order", string="Purchase order", check_company=True
    )
    picking_id = fields.Many2one(
        comodel_name="stock.picking",
        string="Transfer",
        check_company=True,
        help="Back-charge: the transfer concerned. Return and replacement: the transfer created.",
    )
    account_move_id = fields.Many2one(
        comodel_name="account.move", string="Accounting document", check_company=True, copy=False
    )
    sale_order_id = fields.Many2one(
        comodel_name="sale.order", string="Replacement order", check_company=True, copy=False
    )
    approved_by_id = fields.Many2one(comodel_name="res.users", copy=False, readonly=True)
    approved_amount = fields.Monetary(
        copy=False,
        readonly=True,
        help="The amount the approver decided on: carried out up to it without a new approval.",
    )
    done_by_id = fields.Many2one(comodel_name="res.users", copy=False, readonly=True)

    # ------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------

    @api.depends("remedy_type", "claim_id.name")
    def _compute_name(self):
        labels = dict(self._fields["remedy_type"]._description_selection(self.env))
        for remedy in self:
            remedy.name = f"{remedy.claim_id.name}: {labels.get(remedy.remedy_type, '')}"

    @api.depends("remedy_type", "claim_id")
    def _compute_line_ids(self):
        for remedy in self:
            lines = remedy.claim_id.line_ids
            if remedy.remedy_type == "credit_note":
                lines = lines.filtered("invoice_line_id")
            elif remedy.remedy_type == "return":
                lines = lines.filtered("move_id")
            elif remedy.remedy_type not in ("replacement",):
                lines = lines.browse()
            remedy.line_ids = lines

    @api.depends("remedy_type", "line_ids.amount", "line_ids.quantity", "line_ids.product_id")
    def _compute_amount(self):
        for remedy in self:
            if remedy.state in ("done", "cancel"):
                continue  # what was carried out (or dropped) keeps its amount
            if remedy.remedy_type in COMPUTED_AMOUNT_TYPES:
                remedy.amount = remedy._document_amount()
            elif not remedy.amount:
                remedy.amount = 0.0

    def _document_amount(self):
        """What the document of a credit note (the value of the claimed invoice lines, its
        untaxed total) or of a replacement (the cost of the claimed goods) amounts to."""
        self.ensure_one()
        if self.remedy_type == "credit_note":
            total = sum(self.line_ids.filtered("invoice_line_id").mapped("amount"))
        elif self.remedy_type == "replacement":
            total = sum(line.quantity * line.product_id.standard_price for line in self.line_ids)
        else:
            return self.amount
        return self.currency_id.round(total) if self.currency_id else total

    @api.depends("remedy_type", "amount")
    def _compute_cost(self):
        for remedy in self:
            remedy.cost = remedy.amount if remedy.remedy_type in COST_TYPES else 0.0

    # ------------------------------------------------------------
    # Constraints and CRUD
    # ------------------------------------------------------------

    @api.constrains("amount")
    def _check_amount(self):
        for remedy in self:
            if remedy.amount < 0:
                raise UserError(self.env._("A remedy amount cannot be negative."))

    @api.constrains("line_ids", "claim_id", "remedy_type")
    def _check_lines(self):
        for remedy in self:
            if remedy.line_ids.claim_id - remedy.claim_id:
                raise ValidationError(
                    self.env._(
                        "%(remedy)s: a remedy repairs lines of its own claim only.",
                        remedy=remedy.name,
                    )
                )
            if remedy.remedy_type == "credit_note" and not all(
                remedy.line_ids.mapped("invoice_line_id")
            ):
                raise ValidationError(
                    self.env._(
                        "%(remedy)s: a credit note is made of claimed invoice lines only.",
                        remedy=remedy.name,
                    )
                )

    def _check_typed_amount(self):
        """A credit note or a replacement amounts to its document: a typed figure is refused."""
        for remedy in self.filtered(lambda r: r.remedy_type in COMPUTED_AMOUNT_TYPES):
            expected = remedy._document_amount()
            if remedy.currency_id.compare_amounts(remedy.amount, expected):
                raise ValidationError(
                    self.env._(
                        "%(remedy)s: its amount is the value of its claimed lines (%(expected)s), "
                        "not %(amount)s. Change the claimed lines, or make a commercial gesture.",
                        remedy=remedy.name,
                        expected=remedy.currency_id.format(expected),
                        amount=remedy.currency_id.format(remedy.amount),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        refuse_protected(self, vals_list, DECISION_FIELDS, DECISION, initial={"state": "draft"})
        # Nor may a ``default_*`` key of the context decide (``default_state``...).
        context = without_defaults_of(self.env.context, DECISION_FIELDS)
        self = self.with_env(self.env(context=context))  # noqa: PLW0642
        remedies = super().create(vals_list)
        for remedy in remedies:
            if not remedy.claim_id._adv_is_open():
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is finished: no new remedy.", claim=remedy.claim_id.name
                    )
                )
        typed = [
            remedy.id for remedy, vals in zip(remedies, vals_list, strict=True) if "amount" in vals
        ]
        remedies.browse(typed)._check_typed_amount()
        remedies.claim_id._adv_day_refresh()
        remedies.claim_id._adv_escalate_if_needed()
        return remedies

    def write(self, vals):
        refuse_protected(self, [vals], DECISION_FIELDS, DECISION)
        if FROZEN_FIELDS & set(vals):
            for remedy in self.filtered(lambda r: r.state in ("done", "cancel")):
                raise UserError(
                    self.env._(
                        "%(remedy)s was carried out or cancelled: it cannot change.",
                        remedy=remedy.name,
                    )
                )
        withdrawn = self._approvals_withdrawn_by(vals)
        result = super().write(vals)
        if "amount" in vals:
            self._check_typed_amount()
        if withdrawn:
            withdrawn._withdraw_approval()
        if {"amount", "state", "remedy_type"} & set(vals):
            self.claim_id._adv_day_refresh()
            self.claim_id._adv_escalate_if_needed()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_not_done(self):
        if any(remedy.state == "done" for remedy in self):
            raise UserError(self.env._("A remedy that was carried out cannot be deleted."))

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_cancel(self):
        self.check_access("write")
        if self.filtered(lambda r: r.state == "done"):
            raise UserError(self.env._("A remedy that was carried out cannot be cancelled."))
        self.sudo().write({"state": "cancel"})
        return notify(
            self.env,
            self.env._("%(remedies)s cancelled.", remedies=", ".join(self.mapped("name"))),
        )

    def action_execute(self):
        """Create the native document, within what was approved, else within the user's own
        delegation (then the document is created as superuser: the role needs no accounting
        right of its own).

        A replacement order that a control refuses to confirm (see ``adv.confirmation.gate``)
        stays a quotation on the remedy, which is not done: the reasons go to the claim's chatter
        and to the handler, the control keeps its refusal for its approvers; carrying the remedy
        out again retries the same quotation.
        """
        self.check_access("write")
        refused = []
        for remedy in self:
            remedy._check_can_change()
            remedy._check_terms()
            if not remedy._within_approval():
                remedy._check_delegation()
            refusal = getattr(remedy, f"_execute_{remedy.remedy_type}")()
            if refusal:
                # The document exists but a control refused to confirm it: not done.
                remedy.claim_id.message_post(body=refusal)
                refused.append(refusal)
                continue
            remedy.sudo().write({"state": "done", "done_by_id": self.env.user.id})
            remedy.claim_id.message_post(
                body=self.env._(
                    "%(remedy)s carried out: %(document)s.",
                    remedy=remedy.name,
                    document=remedy._get_document().sudo().display_name or "-",
                )
            )
            if remedy.remedy_type == "back_charge":
                remedy._adv_back_charge_created()
        if refused:
            return notify(
                self.env,
                "\n\n".join(refused),
                title=self.env._("Not carried out"),
                kind="warning",
                sticky=True,
            )
        return notify(
            self.env,
            self.env._(
                "%(remedies)s carried out: %(documents)s.",
                remedies=", ".join(self.mapped("name")),
                documents=", ".join(self._get_document().sudo().mapped("display_name")) or "-",
            ),
            next_action=self.action_open_document() if len(self) == 1 else None,
        )

    def action_open_document(self):
        """The form of the (first) native document these remedies created."""
        document = self._get_document()[:1]
        if not document or not document.has_access("read"):
            return False
        return document._get_records_action(view_mode="form", context={})

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    def _get_document(self):
        """The native documents these remedies created."""
        return (
            self.account_move_id
            or self.sale_order_id
            or self.filtered(lambda r: r.remedy_type in ("return", "replacement")).picking_id
        )

    def _check_can_change(self):
        self.ensure_one()
        if self.state in ("done", "cancel"):
            raise UserError(
                self.env._("%(remedy)s is already done or cancelled.", remedy=self.name)
            )
        if not self.claim_id._adv_is_open():
            raise UserError(self.env._("Claim %(claim)s is finished.", claim=self.claim_id.name))

    def _adv_back_charge_created(self):
        """Hook: called once the back-charge document exists (``account_move_id``), with
        ``partner_id`` the carrier or supplier and, when known, ``purchase_id`` / ``picking_id``.
        Glue addons extend it (e.g. supply follow-up opens a chase)."""
        return
