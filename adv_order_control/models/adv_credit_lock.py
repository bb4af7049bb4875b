# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL


class AdvCreditLock(models.Model):
    """One row per (commercial partner, company), updated at the start of every credit control.

    Odoo runs in REPEATABLE READ: a second transaction that controls the same customer waits on
    the row, then fails with a serialization error once the first commits; Odoo's request retry
    replays it on a fresh snapshot that sees the first order. Two confirmations can therefore not
    both pass on stale exposure. A dedicated row keeps ``res.partner`` (a hot row) out of it.
    """

    _name = "adv.credit.lock"
    _description = "Credit control lock"
    _log_access = False

    partner_id = fields.Many2one("res.partner", required=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    counter = fields.Integer(default=0)

    _sql_constraints = [
        ("partner_company_uniq", "UNIQUE(partner_id, company_id)", "One lock per customer."),
    ]

    def _acquire(self, keys):
        """Lock the rows of ``keys``, a set of (partner_id, company_id), in a stable order."""
        if not keys:
            return
        values = SQL(", ").join(SQL("(%s, %s, 1)", p, c) for p, c in sorted(keys))
        self.env.cr.execute(
            SQL(
                """INSERT INTO adv_credit_lock (partner_id, company_id, counter) VALUES %s
               ON CONFLICT (partner_id, company_id)
               DO UPDATE SET counter = adv_credit_lock.counter + 1""",
                values,
            )
        )
