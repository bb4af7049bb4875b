# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies: the claim decides, Odoo's own documents repair.

Each remedy type has one ``_execute_<type>`` method creating the native document (credit note,
return picking, replacement order or delivery, vendor refund...). Execution is refused above the
user's delegation for that remedy type, unless someone whose delegation covers it approved it.
"""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

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

    @api.depends("remedy_type", "line_ids.quantity", "line_ids.price_unit", "credit_scope")
    def _compute_amount(self):
        for remedy in self:
            if remedy.remedy_type == "credit_note":
                if remedy.credit_scope == "invoice":
                    invoice = remedy._get_credited_invoice()
                    remedy.amount = invoice.amount_untaxed
                else:
                    remedy.amount = sum(remedy.line_ids.mapped("amount"))
            elif remedy.remedy_type == "replacement":
                remedy.amount = sum(
                    line.quantity * line.product_id.standard_price for line in remedy.line_ids
                )
            elif not remedy.amount:
                remedy.amount = 0.0

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

    @api.model_create_multi
    def create(self, vals_list):
        remedies = super().create(vals_list)
        for remedy in remedies:
            if not remedy.claim_id._adv_is_open():
                raise UserError(
                    self.env._(
                        "Claim %(claim)s is finished: no new remedy.", claim=remedy.claim_id.name
                    )
                )
        remedies.claim_id._adv_day_refresh()
        remedies.claim_id._adv_check_escalation()
        return remedies

    def write(self, vals):
        if self.filtered(lambda r: r.state == "done") and {
            "amount",
            "remedy_type",
            "line_ids",
            "partner_id",
        } & set(vals):
            raise UserError(self.env._("A remedy that was carried out cannot change."))
        result = super().write(vals)
        if {"amount", "state", "remedy_type"} & set(vals):
            self.claim_id._adv_day_refresh()
            self.claim_id._adv_check_escalation()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_not_done(self):
        if any(remedy.state == "done" for remedy in self):
            raise UserError(self.env._("A remedy that was carried out cannot be deleted."))

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_request_approval(self):
        """Above one's delegation: ask the users whose delegation covers the amount."""
        delegation = self.env["adv.claim.delegation"]
        for remedy in self:
            remedy._check_can_change()
            approvers = delegation._approvers_for(
                remedy.company_id, remedy.amount, remedy.remedy_type, exclude=self.env.user
            )
            remedy.state = "to_approve"
            for approver in approvers:
                remedy.claim_id.activity_schedule(
                    "adv_claims.mail_activity_claim_remedy_approval",
                    user_id=approver.id,
                    note=remedy.name,
                )
            remedy.claim_id.message_post(
                body=self.env._(
                    "Approval requested for %(remedy)s (%(amount)s).",
                    remedy=remedy.name,
                    amount=remedy.currency_id.format(remedy.amount),
                ),
                partner_ids=approvers.partner_id.ids,
            )
        return True

    def action_approve(self):
        for remedy in self:
            remedy._check_delegation()
            remedy.write({"state": "approved", "approved_by_id": self.env.user.id})
            remedy.claim_id.message_post(
                body=self.env._("%(remedy)s approved.", remedy=remedy.name)
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state == "done"):
            raise UserError(self.env._("A remedy that was carried out cannot be cancelled."))
        self.write({"state": "cancel"})
        return True

    def action_execute(self):
        """Create the native document. Refused above the user's delegation unless approved.

        A replacement order that a control refuses to confirm (see ``adv.confirmation.gate``)
        stays a quotation on the remedy, which is not done: the reasons go to the claim's chatter
        and to the handler, the control keeps its refusal for its approvers; carrying the remedy
        out again retries the same quotation.
        """
        refused = []
        for remedy in self:
            remedy._check_can_change()
            if remedy.state != "approved":
                remedy._check_delegation()
            executor = getattr(remedy, f"_execute_{remedy.remedy_type}")
            refusal = executor()
            if refusal:
                # The document exists but a control refused to confirm it: not done.
                remedy.claim_id.message_post(body=refusal)
                refused.append(refusal)
                continue
            remedy.write({"state": "done", "done_by_id": self.env.user.id})
            remedy.claim_id.message_post(
                body=self.env._(
                    "%(remedy)s carried out: %(document)s.",
                    remedy=remedy.name,
                    document=remedy._get_document().display_name or "-",
                )
            )
            if remedy.remedy_type == "back_charge":
                remedy._adv_back_charge_created()
        if refused:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "title": self.env._("Not carried out"),
                    "message": "\n\n".join(refused),
                    "type": "warning",
                    "sticky": True,
                    "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                },
            }
        if len(self) == 1:
            return self.action_open_document()
        return True

    def action_open_document(self):
        documents = self._get_document()
        if not documents:
            return False
        document = documents[:1]
        return {
            "type": "ir.actions.act_window",
            "res_model": document._name,
            "res_id": document.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

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

    def _check_delegation(self):
        self.ensure_one()
        delegation = self.env["adv.claim.delegation"]
        if not delegation._covers(self.env.user, self.company_id, self.amount, self.remedy_type):
            ___, limit = delegation._get_limit(self.env.user, self.company_id, self.remedy_type)
            raise UserError(
                self.env._(
                    "%(remedy)s: %(amount)s is above your delegation (%(limit)s). Request an "
                    "approval.",
                    remedy=self.name,
                    amount=self.currency_id.format(self.amount),
                    limit=self.currency_id.format(limit),
                )
            )

    def _get_credited_invoice(self):
        self.ensure_one()
        invoices = self.line_ids.invoice_line_id.move_id or self.claim_id.invoice_id
        if len(invoices) > 1:
            raise UserError(self.env._("One credit note per invoice: make one remedy per invoice."))
        return invoices

    def _prepare_move_line_from_invoice_line(self, claim_line):
        aml = claim_line.invoice_line_id
        return {
            "product_id": aml.product_id.id,
            "name": aml.name,
            "quantity": claim_line.quantity,
            "product_uom_id": aml.product_uom_id.id,
            "price_unit": aml.price_unit,
            "discount": aml.discount,
            "tax_ids": [Command.set(aml.tax_ids.ids)],
            "account_id": aml.account_id.id,
        }

    def _prepare_single_line(self, label, journal):
        return {
            "name": label,
            "quantity": 1.0,
            "price_unit": self.amount,
            "account_id": journal.default_account_id.id,
            "tax_ids": [],
        }

    def _get_journal(self, journal_type):
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company_id),
                ("type", "=", journal_type),
            ],
            limit=1,
        )
        if not journal:
            raise UserError(self.env._("No %(type)s journal in this company.", type=journal_type))
        return journal

    def _label(self):
        return self.note or f"{self.claim_id.name} - {self.claim_id.subject}"

    def _execute_credit_note(self):
        invoice = self._get_credited_invoice()
        if not invoice or invoice.state != "posted":
            raise UserError(self.env._("A credit note needs claimed lines of a posted invoice."))
        if self.credit_scope == "invoice":
            refund = invoice._reverse_moves(
                [{"ref": self._label(), "invoice_date": fields.Date.context_today(self)}]
            )
        else:
            refund = self.env["account.move"].create(
                {
                    "move_type": "out_refund",
                    "partner_id": invoice.partner_id.id,
                    "company_id": invoice.company_id.id,
                    "journal_id": invoice.journal_id.id,
                    "currency_id": invoice.currency_id.id,
                    "fiscal_position_id": invoice.fiscal_position_id.id,
                    "reversed_entry_id": invoice.id,
                    "invoice_origin": invoice.name,
                    "ref": self._label(),
                    "invoice_line_ids": [
                        Command.create(self._prepare_move_line_from_invoice_line(line))
                        for line in self.line_ids
                    ],
                }
            )
        self.account_move_id = refund

    def _execute_gesture(self):
        journal = self._get_journal("sale")
        self.account_move_id = self.env["account.move"].create(
            {
                "move_type": "out_refund",
                "partner_id": self.claim_id.partner_id.id,
                "company_id": self.company_id.id,
                "journal_id": journal.id,
                "ref": self._label(),
                "invoice_origin": self.claim_id.name,
                "invoice_line_ids": [
                    Command.create(
                        self._prepare_single_line(
                            self.env._("Commercial gesture: %(label)s", label=self._label()),
                            journal,
                        )
                    )
                ],
            }
        )

    def _execute_reinvoice(self):
        journal = self._get_journal("sale")
        self.account_move_id = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.claim_id.partner_id.id,
                "company_id": self.company_id.id,
                "journal_id": journal.id,
                "ref": self._label(),
                "invoice_origin": self.claim_id.name,
                "invoice_line_ids": [
                    Command.create(self._prepare_single_line(self._label(), journal))
                ],
            }
        )

    def _execute_back_charge(self):
        if not self.partner_id:
            raise UserError(self.env._("A back-charge needs the carrier or supplier to charge."))
        journal = self._get_journal("purchase")
        if not self.picking_id and self.claim_id.picking_id:
            self.picking_id = self.claim_id.picking_id
        self.account_move_id = self.env["account.move"].create(
            {
                "move_type": "in_refund",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "journal_id": journal.id,
                "ref": self._label(),
                "invoice_origin": self.purchase_id.name or self.claim_id.name,
                "invoice_date": fields.Date.context_today(self),
                "invoice_line_ids": [
                    Command.create(
                        self._prepare_single_line(
                            self.env._("Back-charge: %(label)s", label=self._label()), journal
                        )
                    )
                ],
            }
        )

    def _execute_return(self):
        lines = self.line_ids.filtered("move_id")
        pickings = lines.move_id.picking_id
        if len(pickings) != 1:
            raise UserError(
                self.env._("A return needs claimed lines of exactly one validated delivery.")
            )
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_id=pickings.id, active_model="stock.picking")
            .create({"picking_id": pickings.id})
        )
        quantities = {line.move_id.id: line.quantity for line in lines}
        for return_line in wizard.product_return_moves:
            return_line.quantity = quantities.get(return_line.move_id.id, 0.0)
        picking = wizard._create_return()
        if self.return_destination == "scrap":
            scrap = self.env["stock.location"].search(
                [
                    ("scrap_location", "=", True),
                    ("company_id", "in", [self.company_id.id, False]),
                ],
                limit=1,
            )
            if not scrap:
                raise UserError(self.env._("No scrap location in this company."))
            picking.write({"location_dest_id": scrap.id})
            picking.move_ids.write({"location_dest_id": scrap.id})
        picking.origin = f"{picking.origin or ''} ({self.claim_id.name})".strip()
        self.picking_id = picking

    def _execute_replacement(self):
        lines = self.line_ids
        if not lines:
            raise UserError(self.env._("A replacement needs claimed lines."))
        claim = self.claim_id
        if self.replacement_mode == "order":
            order = self.sale_order_id.filtered(lambda o: o.state in ("draft", "sent"))
            if not order:
                order = self.env["sale.order"].create(
                    {
                        "partner_id": claim.partner_id.id,
                        "company_id": claim.company_id.id,
                        "origin": claim.name,
                        "client_order_ref": claim.name,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": line.product_id.id,
                                    "product_uom_qty": line.quantity,
                                    "price_unit": 0.0,
                                }
                            )
                            for line in lines
                        ],
                    }
                )
            self.sale_order_id = order
            # Through the suite's confirmation gate: a refusal is recorded by the control (its
            # approvers can release the order) and told here.
            refusals = self.env["adv.confirmation.gate"]._submit(order)
            if order.state != "sale":
                return self.env._(
                    "%(remedy)s: the replacement order %(order)s was not confirmed and stays a "
                    "quotation:\n%(reasons)s",
                    remedy=self.name,
                    order=order.name,
                    reasons=refusals.get(order.id) or self.env._("refused by a control."),
                )
            self.picking_id = order.picking_ids[:1]
            return None
        warehouse = self.env["stock.warehouse"].search(
            [("company_id", "=", claim.company_id.id)], limit=1
        )
        picking_type = warehouse.out_type_id
        customer_location = claim.partner_id.property_stock_customer
        picking = self.env["stock.picking"].create(
            {
                "partner_id": claim.partner_id.id,
                "picking_type_id": picking_type.id,
                "location_id": picking_type.default_location_src_id.id,
                "location_dest_id": customer_location.id,
                "origin": claim.name,
                "company_id": claim.company_id.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": line.product_id.display_name,
                            "product_id": line.product_id.id,
                            "product_uom_qty": line.quantity,
                            "product_uom": line.product_id.uom_id.id,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": customer_location.id,
                        }
                    )
                    for line in lines
                ],
            }
        )
        picking.action_confirm()
        self.picking_id = picking

    def _adv_back_charge_created(self):
        """Hook: called once the back-charge document exists (``account_move_id``), with
        ``partner_id`` the carrier or supplier and, when known, ``purchase_id`` / ``picking_id``.
        Glue addons extend it (e.g. supply follow-up opens a chase)."""
        return
