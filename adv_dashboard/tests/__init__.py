from . import test_overview_dashboard
