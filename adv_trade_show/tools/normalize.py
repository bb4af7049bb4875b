# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Matching keys of a visitor: a normalised e-mail and a phone number in E.164 form.

Plain Python, no ORM: the capture, the partner and the lead compute the same keys with the
same functions, so that an exact index lookup finds a visitor typed differently on two phones.

``phonenumbers`` is used when it is installed (it knows every numbering plan); otherwise a small
normaliser handles what booth staff type: spaces, dots, dashes, brackets, ``00`` or ``+``
international prefixes, and national numbers with a trunk ``0`` given the visitor's country.
"""

import re

try:  # pragma: no cover - depends on the environment
    import phonenumbers
except ImportError:  # pragma: no cover
    phonenumbers = None

from odoo.tools import email_normalize as _odoo_email_normalize

# Countries whose national numbers keep their leading 0 after the country code.
KEEP_TRUNK_ZERO = {"39", "378", "379"}
_NOT_DIGITS = re.compile(r"[^\d+]")


def normalize_email(email):
    """``' Jane.Doe@Example.COM '`` -> ``'jane.doe@example.com'``; ``False`` when not an e-mail."""
    if not email:
        return False
    email = email.strip()
    normalized = _odoo_email_normalize(email, strict=False)
    return normalized or False


def normalize_phone(number, country_code=None, calling_code=None):
    """Return ``number`` in E.164 (``+33612345678``), or ``False`` when it cannot be one.

    :param country_code: ISO code of the visitor's country (``'FR'``), used by phonenumbers;
    :param calling_code: its international calling code (``33``), used by the fallback.
    """
    if not number:
        return False
    if phonenumbers is not None:
        try:
            parsed = phonenumbers.parse(number, (country_code or "").upper() or None)
        except phonenumbers.NumberParseException:
            return False
        if not phonenumbers.is_possible_number(parsed):
            return False
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return _fallback_e164(number, calling_code)


def _fallback_e164(number, calling_code):
    raw = number.strip()
    # An extension ("ext. 12", "poste 12") is not part of the number.
    raw = re.split(r"(?i)\s*(?:ext\.?|x|poste|#)\s*\d+\s*$", raw)[0]
    raw = raw.replace("(0)", "")
    digits = _NOT_DIGITS.sub("", raw)
    if not digits:
        return False
    if digits.startswith("+"):
        digits = digits[1:].replace("+", "")
    elif digits.startswith("00"):
        digits = digits[2:]
    elif calling_code:
        code = str(calling_code)
        if digits.startswith("0") and code not in KEEP_TRUNK_ZERO:
            digits = digits[1:]
        digits = code + digits
    else:
        return False
    if not digits.isdigit() or not 8 <= len(digits) <= 15 or digits.startswith("0"):
        return False
    return "+" + digits
