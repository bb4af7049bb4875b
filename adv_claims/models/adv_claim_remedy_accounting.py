# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies carried out by an accounting document: credit note, commercial gesture,
re-invoicing, and the back-charge (a vendor refund from the carrier or supplier).

The documents are created as superuser once the remedy's own checks passed (its delegation or
approval, its terms): a claim handler needs no accounting right of their own, and gets none
(the drafts are posted by the accountants). A credit note is the claimed invoice lines at their
claimed quantities and values, so that its untaxed total is the remedy's (approved) amount; the
invoice is reversed whole only when the claimed lines are the whole invoice.
"""

from odoo import Command, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare


class AdvClaimRemedy(models.Model):
    _inherit = "adv.claim.remedy"  # pylint: disable=consider-merging-classes-inherited

    def _execute_credit_note(self):
        invoice = self._get_credited_invoice().sudo()
        if not invoice or invoice.state != "posted":
            raise UserError(self.env._("A credit note needs claimed lines of a posted invoice."))
        if self.credit_scope == "invoice":
            # ``_check_terms``: the claimed lines are the whole invoice.
            refund = invoice._reverse_moves(
                [
                    {
                        "ref": self._get_document_reference(),
                        "invoice_date": fields.Date.context_today(self),
                    }
                ]
            )
        else:
            refund = (
                self.env["account.move"].sudo().create(self._prepare_partial_refund_values(invoice))
            )
        if self.currency_id.compare_amounts(refund.amount_untaxed, self.amount):
            raise UserError(
                self.env._(
                    "%(remedy)s: the credit note would amount to %(total)s, not the %(amount)s "
                    "decided.",
                    remedy=self.name,
                    total=self.currency_id.format(refund.amount_untaxed),
                    amount=self.currency_id.format(self.amount),
                )
            )
        self.sudo().account_move_id = refund

    def _execute_gesture(self):
        label = self.env._("Commercial gesture: %(label)s", label=self._get_document_reference())
        self.sudo().account_move_id = self._create_single_line_move(
            "out_refund", self.claim_id.partner_id, label
        )

    def _execute_reinvoice(self):
        self.sudo().account_move_id = self._create_single_line_move(
            "out_invoice", self.claim_id.partner_id, self._get_document_reference()
        )

    def _execute_back_charge(self):
        if not self.partner_id:
            raise UserError(self.env._("A back-charge needs the carrier or supplier to charge."))
        if not self.picking_id and self.claim_id.picking_id:
            self.picking_id = self.claim_id.picking_id
        label = self.env._("Back-charge: %(label)s", label=self._get_document_reference())
        self.sudo().account_move_id = self._create_single_line_move(
            "in_refund",
            self.partner_id,
            label,
            invoice_origin=self.purchase_id.name or self.claim_id.name,
            invoice_date=fields.Date.context_today(self),
        )

    # ------------------------------------------------------------
    # Steps
    # ------------------------------------------------------------

    def _get_document_reference(self):
        """The reference the created document carries: the remedy's label, else the claim's."""
        return self.note or f"{self.claim_id.name} - {self.claim_id.subject}"

    def _get_credited_invoice(self):
        self.ensure_one()
        invoices = self.line_ids.invoice_line_id.move_id or self.claim_id.invoice_id
        if len(invoices) > 1:
            raise UserError(self.env._("One credit note per invoice: make one remedy per invoice."))
        return invoices

    def _check_terms(self):
        """What the remedy would create must be what is decided: a credit note of the whole
        invoice only when the claimed lines are the whole invoice."""
        self.ensure_one()
        if self.remedy_type == "credit_note" and self.credit_scope == "invoice":
            invoice = self._get_credited_invoice()
            if not self._claims_whole_invoice(invoice):
                raise UserError(
                    self.env._(
                        "%(remedy)s: a credit note of the whole invoice needs claimed lines "
                        "covering all of %(invoice)s at the invoiced quantities and prices; "
                        "credit the claimed quantities instead.",
                        remedy=self.name,
                        invoice=invoice.sudo().display_name or "-",
                    )
                )

    def _claims_whole_invoice(self, invoice):
        """Whether the claimed lines are ``invoice`` whole: each of its product lines, at its
        invoiced quantity, and together its untaxed total."""
        self.ensure_one()
        invoice = invoice.sudo()
        products = invoice.invoice_line_ids.filtered(lambda l: l.display_type == "product")
        lines = self.line_ids.filtered("invoice_line_id")
        claimed = dict.fromkeys(lines.invoice_line_id, 0.0)
        for line in lines:
            claimed[line.invoice_line_id] += line.quantity
        return (
            bool(invoice)
            and set(claimed) == set(products)
            and all(
                float_compare(qty, aml.quantity, precision_rounding=aml.product_uom_id.rounding)
                == 0
                for aml, qty in claimed.items()
            )
            and not invoice.currency_id.compare_amounts(
                sum(lines.mapped("amount")), invoice.amount_untaxed
            )
        )

    def _prepare_partial_refund_values(self, invoice):
        """A credit note of the claimed quantities at their claimed value (the price net of the
        invoice's discount, or the lower price agreed on the claimed line), with the invoice's
        taxes: its untaxed total is the remedy's amount."""
        return {
            "move_type": "out_refund",
            "partner_id": invoice.partner_id.id,
            "company_id": invoice.company_id.id,
            "journal_id": invoice.journal_id.id,
            "currency_id": invoice.currency_id.id,
            "fiscal_position_id": invoice.fiscal_position_id.id,
            "reversed_entry_id": invoice.id,
            "invoice_origin": invoice.name,
            "ref": self._get_document_reference(),
            "invoice_line_ids": [
                Command.create(self._prepare_move_line_from_invoice_line(line))
                for line in self.line_ids
            ],
        }

    def _prepare_move_line_from_invoice_line(self, claim_line):
        aml = claim_line.invoice_line_id.sudo()
        return {
            "product_id": aml.product_id.id,
            "name": aml.name,
            "quantity": claim_line.quantity,
            "product_uom_id": aml.product_uom_id.id,
            "price_unit": claim_line.price_unit,
            "discount": 0.0,
            "tax_ids": [Command.set(aml.tax_ids.ids)],
            "account_id": aml.account_id.id,
        }

    def _create_single_line_move(self, move_type, partner, label, **values):
        """A draft document of ``move_type`` for ``partner``: one line of the remedy's amount,
        without tax, in the company's first journal of its kind (``values`` complete it)."""
        journal = self._get_journal("purchase" if move_type.startswith("in_") else "sale")
        return (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "company_id": self.company_id.id,
                    "journal_id": journal.id,
                    "ref": self._get_document_reference(),
                    "invoice_origin": self.claim_id.name,
                    "invoice_line_ids": [Command.create(self._prepare_single_line(label, journal))],
                    **values,
                }
            )
        )

    def _prepare_single_line(self, label, journal):
        return {
            "name": label,
            "quantity": 1.0,
            "price_unit": self.amount,
            "account_id": journal.default_account_id.id,
            "tax_ids": [],
        }

    def _get_journal(self, journal_type):
        journal = (
            self.env["account.journal"]
            .sudo()
            .search(
                [
                    *self.env["account.journal"]._check_company_domain(self.company_id),
                    ("type", "=", journal_type),
                ],
                limit=1,
            )
        )
        if not journal:
            raise UserError(self.env._("No %(type)s journal in this company.", type=journal_type))
        return journal
