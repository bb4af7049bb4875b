from . import show_results_xlsx
from . import adv_trade_show_report
