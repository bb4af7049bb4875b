from . import test_late_payment
from . import test_dunning_run
from . import test_dunning_fees
from . import test_security
from . import test_ui
from . import test_channels
from . import test_reporting
