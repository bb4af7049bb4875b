from . import aged_balance_xlsx
from . import report_statement
from . import report_formal_notice
from . import adv_dunning_dso_report
from . import adv_dunning_aging_report
from . import adv_dunning_recovery_report
