# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Fields no user writes: what a model's own computation or its own actions write.

A remote caller may create or write any stored field of a model they may write, and pass any
context, ``default_*`` keys included (``../shared/THREATS.md``). Two kinds of fields must be out
of their reach:

- ``COMPUTED``: stored results of Odoo's computations that a control reads (an order's totals,
  invoiced quantities, residuals);
- ``DECISION``: the record of a decision (a remedy's approval, an intake's outcome), written by
  the model's actions as superuser once they have checked the user's rights.

:func:`refuse_protected` refuses them in the values of ``create`` / ``write`` (the superuser,
i.e. the actions themselves, passes); :func:`without_defaults_of` drops their ``default_*``
context keys.
"""

from odoo.exceptions import AccessError

COMPUTED, DECISION = "computed", "decision"

# Who may read a customer's credit and dunning figures (the ``groups`` of those fields): the
# people who sell to the customer or invoice them; not booth staff, not any employee, not the
# customer's portal users. For addons that depend on ``sales_team`` and ``account``.
CUSTOMER_FIGURE_READERS = (
    "sales_team.group_sale_salesman,account.group_account_invoice,account.group_account_readonly"
)


def refuse_protected(records, vals_list, protected, kind=COMPUTED, initial=None):
    """Raise an ``AccessError`` if a non-superuser gives one of ``protected`` on ``records``'s
    model in any of ``vals_list``.

    ``initial`` is for ``create``: it maps a field to the value a new record may be given (its
    default, e.g. ``{"state": "draft"}``), and empty values are accepted there. Without it (a
    ``write``), any value is refused."""
    if records.env.su:
        return
    written = {
        name
        for vals in vals_list
        for name in protected & set(vals)
        if initial is None or (vals[name] and vals[name] != initial.get(name))
    }
    if not written:
        return
    env = records.env
    labels = ", ".join(sorted(records._fields[name]._description_string(env) for name in written))
    if kind == DECISION:
        message = env._(
            "%(fields)s of %(model)s change only through its actions (approve, carry out, "
            "cancel...): they cannot be written.",
            fields=labels,
            model=records._description,
        )
    else:
        message = env._(
            "%(fields)s of %(model)s are computed by Odoo: they cannot be written.",
            fields=labels,
            model=records._description,
        )
    raise AccessError(message)


def without_defaults_of(context, protected):
    """``context`` without the ``default_*`` keys of ``protected``."""
    dropped = {f"default_{name}" for name in protected}
    return {key: value for key, value in context.items() if key not in dropped}
