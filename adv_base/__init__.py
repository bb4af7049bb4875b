# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import models
from . import tools
from . import controllers
from . import wizards
from .hooks import uninstall_hook
