# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.1.0: the stock risk kinds get English keys (``rupture`` -> ``stockout``,
``surstock`` -> ``overstock``).

Before the module loads, so that Odoo finds no record with a key it no longer declares: the
stored values, the selection's own records (their XML ids keep the French labels'
translations) and the saved filters that name the old keys."""

from odoo.tools import SQL

RENAMED_KINDS = {"rupture": "stockout", "surstock": "overstock"}


def migrate(cr, version):
    for old, new in RENAMED_KINDS.items():
        cr.execute(SQL("UPDATE adv_stock_risk SET kind = %s WHERE kind = %s", new, old))
        cr.execute(
            SQL(
                """UPDATE ir_model_fields_selection s SET value = %(new)s
                     FROM ir_model_fields f
                    WHERE f.id = s.field_id AND f.model = 'adv.stock.risk' AND f.name = 'kind'
                      AND s.value = %(old)s""",
                new=new,
                old=old,
            )
        )
        cr.execute(
            SQL(
                """UPDATE ir_model_data SET name = %(new)s
                    WHERE module = 'adv_supply_followup' AND model = 'ir.model.fields.selection'
                      AND name = %(old)s""",
                new=f"selection__adv_stock_risk__kind__{new}",
                old=f"selection__adv_stock_risk__kind__{old}",
            )
        )
        cr.execute(
            SQL(
                """UPDATE ir_filters
                      SET domain = replace(domain, %(old_key)s, %(new_key)s),
                          context = replace(replace(context, %(old_filter)s, %(new_filter)s),
                                            %(old_key)s, %(new_key)s)
                    WHERE model_id = 'adv.stock.risk'""",
                old_key=f"'{old}'",
                new_key=f"'{new}'",
                old_filter=f"search_default_{old}",
                new_filter=f"search_default_{new}",
            )
        )
