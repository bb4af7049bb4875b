# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.1.0: the per-customer credit lock is adv_base's ``adv.lock`` (scope
``adv_order_control.credit``); the old lock table, whose model is gone, is dropped (Odoo removes
the model's records at upgrade but not the table of a model it no longer loads)."""


def migrate(cr, version):
    cr.execute("DROP TABLE IF EXISTS adv_credit_lock CASCADE")
