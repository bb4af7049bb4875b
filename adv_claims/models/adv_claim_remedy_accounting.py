# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Remedies carried out by an accounting document: credit note, commercial gesture,
re-invoicing, and the back-charge (a vendor refund from the carrier or supplier)."""

from odoo import Command, fields, models
from odoo.exceptions import UserError


class AdvClaimRemedy(models.Model):
    _inherit = "adv.claim.remedy"  # pylint: disable=consider-merging-classes-inherited

    def _execute_credit_note(self):
        invoice = self._get_credited_invoice()
        if not invoice or invoice.state != "posted":
            raise UserError(self.env._("A credit note needs claimed lines of a posted invoice."))
        if self.credit_scope == "invoice":
            refund = invoice._reverse_moves(
                [
                    {
                        "ref": self._get_document_reference(),
                        "invoice_date": fields.Date.context_today(self),
                    }
                ]
            )
        else:
            refund = self.env["account.move"].create(self._prepare_partial_refund_values(invoice))
        self.account_move_id = refund

    def _execute_gesture(self):
        label = self.env._("Commercial gesture: %(label)s", label=self._get_document_reference())
        self.account_move_id = self._create_single_line_move(
            "out_refund", self.claim_id.partner_id, label
        )

    def _execute_reinvoice(self):
        self.account_move_id = self._create_single_line_move(
            "out_invoice", self.claim_id.partner_id, self._get_document_reference()
        )

    def _execute_back_charge(self):
        if not self.partner_id:
            raise UserError(self.env._("A back-charge needs the carrier or supplier to charge."))
        if not self.picking_id and self.claim_id.picking_id:
            self.picking_id = self.claim_id.picking_id
        label = self.env._("Back-charge: %(label)s", label=self._get_document_reference())
        self.account_move_id = self._create_single_line_move(
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

    def _prepare_partial_refund_values(self, invoice):
        """A credit note of the claimed quantities, at the prices and taxes of the invoice."""
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

    def _create_single_line_move(self, move_type, partner, label, **values):
        """A draft document of ``move_type`` for ``partner``: one line of the remedy's amount,
        without tax, in the company's first journal of its kind (``values`` complete it)."""
        journal = self._get_journal("purchase" if move_type.startswith("in_") else "sale")
        return self.env["account.move"].create(
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
