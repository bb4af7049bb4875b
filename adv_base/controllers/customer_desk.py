# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from werkzeug.urls import url_encode

from odoo import http
from odoo.http import request

from ..tools.phone import looks_like_phone

# The number handed to the web client: its router turns a numeric query value into a number
# ("+33612345678" would lose its "+", "0612345678" its leading 0), so it travels as "tel:...".
CALL_PREFIX = "tel:"
MAX_NUMBER = 32


class CustomerDeskController(http.Controller):
    @http.route("/adv/desk/call", type="http", auth="user", methods=["GET"])
    def incoming_call(self, number="", **kwargs):
        """The incoming-call URL a softphone or a telephony server opens: the customer desk
        searching the caller's number (``/adv/desk/call?number=+33612345678``)."""
        number = str(number).strip()[:MAX_NUMBER]
        params = {}
        if looks_like_phone(number, min_digits=2):
            # Digits only (and the international "+"): nothing the URL could mangle.
            plus = "+" if number.startswith("+") else ""
            params["call"] = CALL_PREFIX + plus + re.sub(r"\D", "", number)
        query = f"?{url_encode(params)}" if params else ""
        return request.redirect(f"/odoo/customer-desk{query}", local=True)
