# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


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

    # Taken by ``adv.credit.exposure._get_exposure(lock=True)``, in the statement that reads the
    # exposure (one round trip), in a stable order of customers.
    _sql_constraints = [
        ("partner_company_uniq", "UNIQUE(partner_id, company_id)", "One lock per customer."),
    ]
