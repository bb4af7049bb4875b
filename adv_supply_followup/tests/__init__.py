from . import test_install
from . import test_chase
from . import test_chase_mail
from . import test_impact
from . import test_stock_risk
from . import test_performance
from . import test_ui
