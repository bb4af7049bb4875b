from . import test_show_customer_credit
