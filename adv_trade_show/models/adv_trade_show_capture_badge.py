# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import ValidationError

from ..tools.badge_parser import MAX_PAYLOAD_BYTES, BadgeTooLarge, check_payload_size, parse_badge


class AdvTradeShowCapture(models.Model):
    """Badge intake: what a badge's QR code holds fills the capture's empty fields.

    A payload over the parser's cap (a QR code holds about 3 KB) is refused wherever it comes
    in: create and write (any caller, RPC included) raise, the form's onchange warns and drops
    it."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

    def _badge_too_large_message(self, size):
        return self.env._(
            "This badge holds %(size)s bytes: a badge's code holds at most %(max)s. "
            "It was not read: scan it again or type the visitor in.",
            size=size,
            max=MAX_PAYLOAD_BYTES,
        )

    def _check_badge_payload(self, vals):
        """Refuse a badge payload over the cap in ``vals`` (create, write) before it is read
        or stored."""
        try:
            check_payload_size(vals.get("badge_payload"))
        except BadgeTooLarge as error:
            raise ValidationError(self._badge_too_large_message(error.size)) from None

    @api.onchange("badge_payload")
    def _onchange_badge_payload(self):
        try:
            check_payload_size(self.badge_payload)
        except BadgeTooLarge as error:
            self.badge_payload = False
            return {
                "warning": {
                    "title": self.env._("Badge refused"),
                    "message": self._badge_too_large_message(error.size),
                }
            }
        values = self._badge_values(self.badge_payload)
        if self.badge_payload and not values:
            return {
                "warning": {
                    "title": self.env._("Badge not recognised"),
                    "message": self.env._("Nothing readable in this code: type the visitor in."),
                }
            }
        for fname, value in values.items():
            # Defaults (country, language) give way to the badge; what was typed does not.
            if fname in ("country_id", "lang") or not self[fname]:
                self[fname] = value

    def _badge_values(self, payload):
        """Capture values read from a badge payload: the onchange and create both use them."""
        self._check_badge_payload({"badge_payload": payload})
        found = parse_badge(payload) if payload else {}
        values = {}
        for key, fname in (
            ("name", "name"),
            ("company", "company_name"),
            ("email", "email"),
            ("job", "function"),
            ("badge_ref", "badge_ref"),
        ):
            if found.get(key):
                values[fname] = found[key]
        if found.get("mobile") or found.get("phone"):
            values["phone"] = found.get("mobile") or found.get("phone")
        if found.get("country"):
            country = self.env["res.country"].search(
                [
                    "|",
                    ("code", "=ilike", found["country"]),
                    ("name", "=ilike", found["country"]),
                ],
                limit=1,
            )
            if country:
                values["country_id"] = country.id
        if found.get("lang") in ("fr", "en"):
            values["lang"] = "fr_FR" if found["lang"] == "fr" else "en_US"
        return values
