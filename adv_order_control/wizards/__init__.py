from . import adv_order_check_decision
