from . import adv_dunning_call_outcome
from . import adv_dunning_kpi
