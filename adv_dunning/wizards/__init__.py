from . import adv_dunning_call_outcome
from . import adv_dunning_kpi
from . import adv_late_payment_rate_add
from . import adv_dunning_first_run
from . import adv_dunning_first_run_line
from . import adv_setup_step
