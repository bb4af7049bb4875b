# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's one question before a document is confirmed: would the controls accept it?

Code that confirms a document on a user's behalf (a claim's replacement order, say) asks here
first instead of depending on the addon that controls it. Without a control installed, every
document is confirmable; ``adv_order_control`` answers for sale orders (credit and conformity),
with the same rules, lock and messages as its confirmation gate. Asking decides nothing and keeps
no record: the control still runs when the document is confirmed.
"""

from odoo import api, models


class AdvConfirmationGate(models.AbstractModel):
    _name = "adv.confirmation.gate"
    _description = "ADV confirmation gate"

    @api.model
    def _refusals(self, records):
        """``{record id: reasons}`` for the ``records`` the installed controls would refuse to
        confirm now, the reasons in the user's language; an empty dict when all may be confirmed.

        Override it for the models a control guards, and call ``super()`` for the others.
        """
        return {}
