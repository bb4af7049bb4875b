# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Claims no longer write disputes on the journal items: dunning asks them, through its
suspension hook. The disputes a claim had written are cleared before the column
``adv_dispute_claim_id`` goes, so that they are not left behind as a collector's disputes (a
dispute a collector took over had the column emptied and stays)."""


def migrate(cr, version):
    cr.execute(
        """SELECT 1 FROM information_schema.columns
            WHERE table_name = 'account_move_line' AND column_name = 'adv_dispute_claim_id'"""
    )
    if not cr.fetchone():
        return
    cr.execute(
        """UPDATE account_move_line
              SET adv_dispute = FALSE, adv_dispute_reason = NULL, adv_dispute_until = NULL
            WHERE adv_dispute_claim_id IS NOT NULL"""
    )
