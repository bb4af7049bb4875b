# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The fields that stop or change dunning are owned by credit collectors and administrators.

Used by the partner (policy, exclusion), the invoice and its receivables (dispute, levels,
penalties and indemnities invoiced, fees invoice): every other role is refused on create and
write, whatever the path (form, JSON-RPC, import), and ``default_*`` context keys of these
fields are ignored for them.
"""

from odoo.exceptions import AccessError

from odoo.addons.adv_base.tools.protected_fields import without_defaults_of

OWNER_GROUPS = ("adv_dunning.group_collector", "base.group_system")


def owns_dunning(env):
    """The user may change what dunning reads: superuser, collectors, administrators."""
    return env.su or any(env.user.has_group(group) for group in OWNER_GROUPS)


def check_dunning_fields(records, written):
    """Refuse ``written`` (field names) to a user who does not own dunning."""
    if written and not owns_dunning(records.env):
        labels = sorted(
            {records._fields[name].get_description(records.env)["string"] for name in written}
        )
        raise AccessError(
            records.env._(
                "Only credit collectors and administrators can change %(fields)s.",
                fields=", ".join(labels),
            )
        )


def guarded_create(records, vals_list, owned):
    """``records`` (a model) ready to create ``vals_list``: for a user who does not own
    dunning, the ``default_*`` keys of ``owned`` are dropped from the context and a value set
    on one of them is refused."""
    if owns_dunning(records.env):
        return records
    context = without_defaults_of(records.env.context, owned)
    records = records.with_env(records.env(context=context))
    check_dunning_fields(
        records, {name for vals in vals_list for name in owned & set(vals) if vals[name]}
    )
    return records
