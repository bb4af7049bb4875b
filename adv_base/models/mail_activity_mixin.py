# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day: the ADV user's work from every installed ADV addon, as Odoo activities.

Every work item of the suite (an order to release, a dunning call, a claim due, a chase, a show
lead to follow) is a ``mail.activity`` on its record, so deadlines, reminders, the chatter and the
mobile app work as everywhere in Odoo. What My Day adds is the *stake*: what the item puts at risk,
in the company's currency, so that items due the same day are ranked by what they are worth.

The one extension point: a model that carries ADV work overrides :meth:`_adv_day_stake` (on
``mail.activity.mixin``) and returns the stake of each of its records.
"""

from odoo import models


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def _adv_day_stake(self):
        """Return ``{record id: stake}`` for the records of ``self``, in their company's currency.

        Called in batch (one call per model), with superuser rights: read with set-based queries.
        Records without a stake may be left out. Default: no stake.
        """
        return {}

    def _adv_day_refresh(self):
        """Recompute the stake shown in My Day for the open activities of these records."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        activities._compute_adv_stake()
