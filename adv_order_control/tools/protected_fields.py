# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stored computed fields the credit control reads: Odoo's computations write them, users don't.

A remote caller may write any stored field of a model they may write, computed totals included
(``../shared/THREATS.md``). The control recomputes what it can; the fields it must read as stored
(invoiced quantities, residuals, reconciliation) are refused to everyone but the superuser.
"""

from odoo.exceptions import AccessError


def refuse_protected(records, vals_list, protected):
    """Raise an ``AccessError`` if a non-superuser writes one of ``protected`` on ``records``'s
    model in any of ``vals_list``."""
    if records.env.su:
        return
    written = set().union(*(protected & set(vals) for vals in vals_list))
    if written:
        env = records.env
        raise AccessError(
            env._(
                "%(fields)s of %(model)s are computed by Odoo: they cannot be written.",
                fields=", ".join(
                    sorted(records._fields[name]._description_string(env) for name in written)
                ),
                model=records._description,
            )
        )
