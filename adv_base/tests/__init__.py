from . import test_lock
from . import test_security
from . import test_ui
from . import test_my_day
from . import test_my_day_ui
from . import test_letter_layout
from . import test_setup_checklist
from . import test_customer_desk
