from . import account_edi_xml_cii
