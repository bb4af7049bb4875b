from . import claim_register_xlsx
