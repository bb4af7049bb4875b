# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Settings screens edit the company's own fields: one declaration per setting."""


def company_setting(field_class, name, **kwargs):
    """A ``res.config.settings`` field editing the current company's field ``name``.

    ``adv_overdue_max_days = company_setting(fields.Integer, "adv_overdue_max_days")``
    """
    return field_class(related=f"company_id.{name}", readonly=False, **kwargs)
