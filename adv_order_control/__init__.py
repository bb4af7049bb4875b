from . import models
from . import report
from . import wizard

from .models import receivable_summary


def uninstall_hook(env):
    """The receivable summary lives in plain tables and triggers Odoo does not know about."""
    receivable_summary.uninstall(env.cr)
