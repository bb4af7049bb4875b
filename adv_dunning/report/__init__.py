from . import aged_balance_xlsx
