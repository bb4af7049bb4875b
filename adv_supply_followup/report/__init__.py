from . import performance_xlsx
