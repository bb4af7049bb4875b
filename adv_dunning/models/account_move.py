# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.ownership import check_dunning_fields, guarded_create

# What dunning reads on an invoice: owned by collectors and administrators (the dispute is
# guarded on the receivables it is written to).
OWNED_FIELDS = {
    "adv_indemnity_invoiced",
    "adv_dunning_fees",
    "adv_dispute",
    "adv_dispute_reason",
    "adv_dispute_until",
}


def dunning_record(field_type, **kwargs):
    """A field written by dunning only, and not copied with its document."""
    return field_type(readonly=True, copy=False, **kwargs)


def _dispute_field(field_type, **kwargs):
    """The invoice's dispute, read from and written to its receivable lines."""
    return field_type(compute="_compute_adv_dunning", inverse="_inverse_adv_dispute", **kwargs)


class AccountMove(models.Model):
    """The dispute and the dunning level of an invoice, read from and written to its receivable
    lines (the unit of dunning: each instalment has its own)."""

    _inherit = "account.move"

    adv_indemnity_invoiced = dunning_record(
        fields.Boolean,
        string="Recovery indemnity invoiced",
        help="The fixed 40 EUR indemnity of this late invoice was invoiced (once per invoice).",
    )
    adv_dunning_fees = dunning_record(
        fields.Boolean,
        string="Dunning fees invoice",
        help="Penalties and indemnities invoiced by dunning: dunned, but bear no penalty and no "
        "indemnity of their own.",
    )
    adv_dunning_level_id = fields.Many2one(
        comodel_name="adv.dunning.level",
        string="Dunning level",
        compute="_compute_adv_dunning",
        help="Highest level notified among the instalments of this invoice.",
    )
    adv_dunning_line_ids = fields.One2many(
        comodel_name="adv.dunning.notice.line",
        inverse_name="move_id",
        string="Dunning history",
        domain=[("state", "=", "sent")],
    )
    adv_dispute = _dispute_field(
        fields.Boolean,
        string="In dispute",
        help="Dunning skips this invoice while it is in dispute.",
    )
    adv_dispute_reason = _dispute_field(fields.Char, string="Dispute reason")
    adv_dispute_until = _dispute_field(
        fields.Date,
        string="Dispute until",
        help="The dispute expires by itself after this date; empty: until it is lifted.",
    )
    adv_dunning_suspension = fields.Char(
        string="Dunning suspended",
        compute="_compute_adv_dunning_suspension",
        help="Why dunning skips this invoice: the collector's dispute, or another reason such as "
        "an open claim on the invoice.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        return super(AccountMove, guarded_create(self, vals_list, OWNED_FIELDS)).create(vals_list)

    def write(self, vals):
        check_dunning_fields(self, OWNED_FIELDS & set(vals))
        return super().write(vals)

    @api.depends(
        "line_ids.adv_dunning_level_id",
        "line_ids.adv_dispute",
        "line_ids.adv_dispute_reason",
        "line_ids.adv_dispute_until",
    )
    def _compute_adv_dunning(self):
        for move in self:
            receivables = move.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
            disputed = receivables.filtered("adv_dispute")[:1]
            move.adv_dunning_level_id = receivables.adv_dunning_level_id.sorted("days")[-1:]
            move.adv_dispute = bool(disputed)
            move.adv_dispute_reason = disputed.adv_dispute_reason
            move.adv_dispute_until = disputed.adv_dispute_until

    @api.depends(
        "line_ids.adv_dispute",
        "line_ids.adv_dispute_reason",
        "line_ids.adv_dispute_until",
        "line_ids.reconciled",
    )
    def _compute_adv_dunning_suspension(self):
        """The reasons of the open receivables dunning skips, one search for all the invoices
        (``_adv_dunning_suspensions``: an addon adding a source adds its dependencies here)."""
        lines = self.line_ids.filtered(
            lambda ln: ln.account_type == "asset_receivable" and not ln.reconciled and ln.id
        )
        suspensions = (
            self.env["account.move.line"]._adv_dunning_suspensions([("id", "in", lines.ids)])
            if lines
            else {}
        )
        for move in self:
            reasons = dict.fromkeys(
                suspensions[line.id] for line in move.line_ids if line.id in suspensions
            )
            move.adv_dunning_suspension = "; ".join(reasons) or False

    def _inverse_adv_dispute(self):
        dispute_field = self._fields["adv_dispute"]
        for move in self:
            receivables = move.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
            # Editing only the reason or the date keeps the dispute: the flag is then not among
            # the values written, and the ORM would read it as False while it inverts.
            if self.env.cache.contains(move, dispute_field):
                disputed = move.adv_dispute
            else:
                disputed = any(receivables.mapped("adv_dispute"))
            if disputed:
                receivables.action_adv_dispute(move.adv_dispute_reason, move.adv_dispute_until)
            else:
                receivables.action_adv_end_dispute()
