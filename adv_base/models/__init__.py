# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mail_activity
from . import adv_confirmation_gate
