# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import protected_fields
from . import settings
from . import xlsx
from . import report_pdf
from . import notification
from . import phone
from . import setup
