from . import models
from . import report
from . import tools
from . import wizards

from .models import account_move
from .tools import receivable_summary


def uninstall_hook(env):
    """The receivable summary (plain tables, functions, triggers) and the partial indexes are
    SQL objects Odoo does not know about."""
    receivable_summary.uninstall(env.cr)
    env.cr.execute(account_move.DROP_INDEXES)
