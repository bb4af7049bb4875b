from . import test_claim_dispute
