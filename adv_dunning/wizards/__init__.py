from . import adv_dunning_call_outcome
from . import adv_dunning_kpi
from . import adv_late_payment_rate_add
