from . import exposure_xlsx
