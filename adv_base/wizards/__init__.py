# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from . import adv_customer_desk_call
from . import adv_setup_step
