from . import adv_supply_chase_answer
