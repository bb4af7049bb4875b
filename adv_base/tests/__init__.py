from . import test_lock
from . import test_security
from . import test_ui
from . import test_letter_layout
