from . import test_install
from . import test_claim
from . import test_remedy
from . import test_remedy_rpc
from . import test_intake
from . import test_access
from . import test_portal
from . import test_ui
