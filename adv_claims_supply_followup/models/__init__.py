from . import adv_claim
from . import adv_claim_remedy
from . import adv_supply_chase
