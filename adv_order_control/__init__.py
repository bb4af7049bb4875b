from . import models
from . import report
from . import tools
from . import wizards

from .models import account_move
from .tools import receivable_summary


def post_init_hook(env):
    """A database that already confirms orders starts in observe mode (see
    ``res.company._adv_order_control_install_mode``): nothing is held before the administrator
    has read what the control would do."""
    env["res.company"]._adv_order_control_install_mode()


def uninstall_hook(env):
    """The receivable summary (plain tables, functions, triggers) and the partial indexes are
    SQL objects Odoo does not know about."""
    receivable_summary.uninstall(env.cr)
    env.cr.execute(account_move.DROP_INDEXES)
