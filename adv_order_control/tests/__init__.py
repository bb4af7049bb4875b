from . import test_credit_rules
from . import test_exposure
from . import test_enforcement
from . import test_access
from . import test_concurrency
from . import test_ui
