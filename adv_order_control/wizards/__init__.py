from . import adv_order_check_decision
from . import adv_order_whatif
from . import adv_order_whatif_line
from . import adv_release_request
from . import adv_setup_step
