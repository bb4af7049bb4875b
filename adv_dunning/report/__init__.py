from . import aged_balance_xlsx
from . import report_statement
