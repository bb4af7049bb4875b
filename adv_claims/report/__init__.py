from . import claim_register_xlsx
from . import adv_claim_deadline_report
