# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import models

from odoo.addons.adv_claims.models.adv_claim import CLOSED_STATES


class AccountMove(models.Model):
    _inherit = "account.move"

    def _adv_sync_claim_disputes(self, excluded_claims=None):
        """Align the dispute of these invoices with their open claims, for the whole set.

        An invoice with an open claim has its open receivable lines in dispute for its oldest
        open claim; an invoice without one has the disputes its claims set lifted. Manual
        disputes (a collector's) are left as they are. ``excluded_claims`` (being deleted)
        count as closed. Two searches, then one write per claim that sets a dispute and one
        for all the lifts, whatever the number of invoices; each invoice whose dispute was set,
        passed to another claim or lifted gets a note in its chatter.
        """
        moves = self.sudo().exists()
        if not moves:
            return
        domain = [("invoice_id", "in", moves.ids), ("state", "not in", CLOSED_STATES)]
        if excluded_claims:
            domain.append(("id", "not in", excluded_claims.ids))
        claim_by_move = {}
        for claim in self.env["adv.claim"].sudo().search(domain, order="date_claim, id"):
            claim_by_move.setdefault(claim.invoice_id.id, claim)
        Line = self.env["account.move.line"].sudo()
        lines = Line.search(
            [("move_id", "in", moves.ids), ("account_type", "=", "asset_receivable")]
        )
        to_set, to_lift, bodies = defaultdict(Line.browse), Line.browse(), {}
        for line in lines:
            move_id, claim = line.move_id.id, claim_by_move.get(line.move_id.id)
            if not claim:
                if line.adv_dispute_claim_id:
                    to_lift |= line
                    bodies[move_id] = self.env._(
                        "No open claim left on this invoice: its dispute is lifted, dunning "
                        "resumes."
                    )
                continue
            if line.adv_dispute_claim_id == claim:
                continue  # already disputed for this claim
            if line.adv_dispute_claim_id:
                bodies[move_id] = self.env._(
                    "The invoice stays in dispute for the claim %(claim)s, still open.",
                    claim=claim.name,
                )
            elif line.reconciled or line.adv_dispute:
                continue  # paid, or disputed by a collector: not the claim's to change
            else:
                bodies[move_id] = self.env._(
                    "Put in dispute by the claim %(claim)s: dunning skips this invoice until the "
                    "claim is closed.",
                    claim=claim.name,
                )
            to_set[claim] |= line
        for claim, claim_lines in to_set.items():
            claim_lines.write(
                {
                    "adv_dispute": True,
                    "adv_dispute_reason": claim._adv_dispute_reason(),
                    "adv_dispute_until": False,
                    "adv_dispute_claim_id": claim.id,
                }
            )
        if to_lift:
            to_lift.write(
                {
                    "adv_dispute": False,
                    "adv_dispute_reason": False,
                    "adv_dispute_until": False,
                    "adv_dispute_claim_id": False,
                }
            )
        if bodies:
            changed = moves.browse(list(bodies))
            # the invoice's dispute fields are computed from its lines; a caller may hold them
            changed.invalidate_recordset(["adv_dispute", "adv_dispute_reason", "adv_dispute_until"])
            changed._message_log_batch(bodies=bodies)

    def _post(self, soft=True):
        """An invoice reset to draft and posted again may get new receivable lines (a changed
        due date or payment term): an open claim puts them back in dispute."""
        posted = super()._post(soft=soft)
        invoices = posted.filtered(lambda m: m.is_invoice(include_receipts=True))
        if invoices:
            # Posting is a hot path: only invoices with an open claim have anything to sync.
            claimed = (
                self.env["adv.claim"]
                .sudo()
                ._read_group(
                    [("invoice_id", "in", invoices.ids), ("state", "not in", CLOSED_STATES)],
                    ["invoice_id"],
                )
            )
            if claimed:
                self.browse([invoice.id for (invoice,) in claimed])._adv_sync_claim_disputes()
        return posted
