# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Matching keys of a visitor: a normalised e-mail and a phone number in E.164 form.

Plain Python, no ORM: the capture, the partner and the lead compute the same keys with the
same functions, so that an exact index lookup finds a visitor typed differently on two phones.
The phone key is adv_base's (``adv_base.tools.phone``), shared with the customer desk.
"""

from odoo.tools import email_normalize as _odoo_email_normalize

from odoo.addons.adv_base.tools.phone import normalize_phone

__all__ = ["normalize_email", "normalize_phone"]


def normalize_email(email):
    """``' Jane.Doe@Example.COM '`` -> ``'jane.doe@example.com'``; ``False`` when not an e-mail."""
    if not email:
        return False
    email = email.strip()
    normalized = _odoo_email_normalize(email, strict=False)
    return normalized or False
