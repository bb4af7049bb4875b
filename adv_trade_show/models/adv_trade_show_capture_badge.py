# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models

from ..tools.badge_parser import parse_badge


class AdvTradeShowCapture(models.Model):
    """Badge intake: what a badge's QR code holds fills the capture's empty fields."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

    @api.onchange("badge_payload")
    def _onchange_badge_payload(self):
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
