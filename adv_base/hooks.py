# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def uninstall_hook(env):
    """Odoo drops adv_base's tables; the lock's SQL function is ours to drop."""
    env.cr.execute("DROP FUNCTION IF EXISTS adv_lock_acquire(text, text[], int, bool)")
