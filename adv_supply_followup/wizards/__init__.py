from . import adv_supply_chase_answer
from . import mail_compose_message
from . import adv_setup_step
