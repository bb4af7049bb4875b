# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import mail_activity_mixin
from . import mail_activity
from . import mail_activity_type
from . import adv_confirmation_gate
from . import adv_delegation_mixin
from . import adv_lock
from . import res_company
from . import adv_phone_mixin
from . import res_partner
from . import adv_customer_desk
