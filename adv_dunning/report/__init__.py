from . import aged_balance_xlsx
from . import report_statement
from . import report_formal_notice
