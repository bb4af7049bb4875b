from . import show_results_xlsx
