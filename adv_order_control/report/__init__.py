from . import exposure_xlsx
from . import adv_order_cash_report
