# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The visitor matching lock moved to adv_base's ``adv.lock``: the model
``adv.trade.show.match.key`` is gone (Odoo removes its ir.model records at upgrade, but not
its table, the model being no longer in the registry)."""


def migrate(cr, version):
    cr.execute("DROP TABLE IF EXISTS adv_trade_show_match_key CASCADE")
