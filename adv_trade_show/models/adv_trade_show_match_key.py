# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One row per matching key (normalised e-mail or E.164 phone) and company: the row two
processings of the same visitor both write, so that the second one, started before the first
committed, fails with a serialization error and is retried on a fresh snapshot where it sees
the first one's lead (Odoo runs REPEATABLE READ: a lock alone would leave it blind to it)."""

from odoo import fields, models
from odoo.tools import SQL


class AdvTradeShowMatchKey(models.Model):
    _name = "adv.trade.show.match.key"
    _description = "Trade Show Visitor Matching Key"
    _log_access = False

    key = fields.Char(required=True)
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    touched = fields.Datetime()

    _sql_constraints = [
        ("key_company_unique", "UNIQUE(key, company_id)", "One row per key and company."),
    ]

    def _lock(self, keys, company):
        """Serialise the processing of one visitor across transactions.

        An advisory transaction lock per key (in a fixed order: no deadlock) makes a concurrent
        processing wait; then the key rows are upserted: if another transaction wrote them after
        our snapshot, PostgreSQL raises a serialization failure, to be retried.
        """
        keys = sorted({k for k in keys if k})
        if not keys:
            return
        for key in keys:
            self.env.cr.execute(
                SQL(
                    "SELECT pg_advisory_xact_lock(hashtextextended(%s, %s))",
                    f"adv_trade_show:{key}",
                    company.id,
                )
            )
        self.env.cr.execute(
            SQL(
                """INSERT INTO adv_trade_show_match_key (key, company_id, touched)
                   SELECT k, %s, now() AT TIME ZONE 'UTC' FROM unnest(%s::varchar[]) k
                   ON CONFLICT (key, company_id) DO UPDATE SET touched = EXCLUDED.touched""",
                company.id,
                keys,
            )
        )
