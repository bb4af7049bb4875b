# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's one lock: a transaction lock per key (a customer, a visitor, a company's run).

Odoo runs its transactions in REPEATABLE READ. A lock alone would make a second transaction wait
and then carry on with its old snapshot, blind to what the first one committed. So the lock also
*touches* one row per key: when the first transaction committed a touch of the same key after
the second one's snapshot was taken, the second one's touch fails with a serialization error,
which Odoo's HTTP layer (and the cron runner, at its next run) retries on a fresh snapshot.

Two modes:

- ``wait=True`` (users, RPC): wait for the other transaction, then touch (and maybe be retried);
- ``wait=False`` (crons): if another transaction holds one of the keys, give up at once and
  return False, so that the job tries again at its next run instead of queueing behind a user.

Keys are taken in a sorted order, so two transactions locking overlapping sets never deadlock.
The same lock is callable from SQL (``adv_lock_acquire``), for a plpgsql function that must take
it in the statement that reads what it protects.
"""

from odoo import api, fields, models
from odoo.tools import SQL

ACQUIRE_FUNCTION = """
CREATE OR REPLACE FUNCTION adv_lock_acquire(p_scope text, p_keys text[], p_company int, p_wait bool)
RETURNS bool LANGUAGE plpgsql AS $$
DECLARE
    k text;
    sorted_keys text[];
BEGIN
    SELECT array_agg(DISTINCT x ORDER BY x) INTO sorted_keys
      FROM unnest(p_keys) x WHERE x IS NOT NULL AND x <> '';
    IF sorted_keys IS NULL THEN
        RETURN true;
    END IF;
    FOREACH k IN ARRAY sorted_keys LOOP
        IF p_wait THEN
            PERFORM pg_advisory_xact_lock(hashtextextended(p_scope || ':' || k, p_company));
        ELSIF NOT pg_try_advisory_xact_lock(hashtextextended(p_scope || ':' || k, p_company)) THEN
            RETURN false;
        END IF;
    END LOOP;
    INSERT INTO adv_lock AS l (scope, key, company_id, touched)
         SELECT p_scope, x, p_company, now() AT TIME ZONE 'UTC' FROM unnest(sorted_keys) x
    ON CONFLICT (scope, key, company_id) DO UPDATE SET touched = EXCLUDED.touched;
    RETURN true;
END
$$;
"""


class AdvLock(models.Model):
    _name = "adv.lock"
    _description = "ADV transaction lock"
    _log_access = False

    scope = fields.Char(required=True, help="Who locks, e.g. adv_order_control.credit.")
    key = fields.Char(required=True)
    company_id = fields.Many2one(comodel_name="res.company", required=True, ondelete="cascade")
    touched = fields.Datetime()

    _sql_constraints = [
        ("scope_key_company_uniq", "UNIQUE(scope, key, company_id)", "One row per locked key."),
    ]

    def init(self):
        self.env.cr.execute(ACQUIRE_FUNCTION)

    @api.model
    def _acquire(self, scope, keys, company, wait=True):
        """Lock ``keys`` of ``scope`` in ``company`` until the end of the transaction.

        :return: True once held; False only with ``wait=False`` when another transaction holds
            one of the keys (nothing is touched then).
        """
        keys = [str(key) for key in keys if key]
        if not keys:
            return True
        self.env.cr.execute(
            SQL(
                "SELECT adv_lock_acquire(%s, %s::text[], %s, %s)",
                scope,
                keys,
                company.id,
                bool(wait),
            )
        )
        return self.env.cr.fetchone()[0]
