# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The suite's one question before a document is confirmed: would the controls accept it?

Code that confirms a document on a user's behalf (a claim's replacement order, say) goes through
here instead of depending on the addon that controls it. Without a control installed, every
document is confirmable; ``adv_order_control`` answers for sale orders (credit and conformity),
with the same rules, lock and messages as its confirmation gate.

- ``_refusals`` asks: it decides nothing and keeps no record.
- ``_submit`` confirms what the controls accept; the refusal of the others is recorded by the
  control as for any confirmation (the block record its approvers release), and their reasons are
  returned to the caller.
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

    @api.model
    def _submit(self, records):
        """Confirm ``records`` through the installed controls. Returns ``{record id: reasons}``
        for those a control refused: they stay unconfirmed, their refusal recorded by the control.

        Default: the records' own ``action_confirm``.
        """
        records.action_confirm()
        return {}
