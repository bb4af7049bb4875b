from . import test_back_charge
from . import test_delay_claim
