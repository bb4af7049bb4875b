from . import performance_xlsx
from . import adv_delivery_report
