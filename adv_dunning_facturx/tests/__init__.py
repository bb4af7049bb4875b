from . import test_facturx_notes
