# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""My Day: the ADV user's work from every installed ADV addon, as Odoo activities.

Every work item of the suite (an order to release, a dunning call, a claim due, a chase, a show
lead to follow) is a ``mail.activity`` on its record, so deadlines, reminders, the chatter and the
mobile app work as everywhere in Odoo. What My Day adds is the *stake* (what the item puts at
risk, in the company's currency), the *partner* it is about, a *priority* (deadline, stake and
kind together: ``adv_base/tools/day_priority.py``) and one line per document.

The extension points, on ``mail.activity.mixin``: a model that carries ADV work overrides
:meth:`_adv_day_stake` (the stake of each record), :meth:`_adv_day_partner` when its partner is
not its ``partner_id`` and :meth:`_adv_day_decision` when the work is decided elsewhere than on
the record's own form.
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

    def _adv_day_partner(self):
        """Return ``{record id: partner id}``: the customer (or vendor, carrier) each record's
        work is about, shown and searched in My Day.

        Called like :meth:`_adv_day_stake` (batch, superuser). Default: the record's
        ``partner_id`` when the model has one, a contact's commercial entity for a contact;
        records without a partner may be left out.
        """
        if self._name == "res.partner":
            return {partner.id: partner.commercial_partner_id.id for partner in self}
        field = self._fields.get("partner_id")
        if not (field and field.type == "many2one" and field.comodel_name == "res.partner"):
            return {}
        return {record.id: record.partner_id.id for record in self if record.partner_id}

    def _adv_day_decision(self, activity):
        """The action that opens where ``activity`` (on this record) is decided, for My Day's
        *Open* button, as the current user; ``False``: the record's own form. Default: False."""
        return False

    def _adv_day_refresh(self):
        """Recompute what My Day shows of these records' open activities (stake, partner, and
        so priority), in batch: the activities are marked as if their document changed."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search([("res_model", "=", self._name), ("res_id", "in", self.ids)])
        )
        activities.modified(["res_id"])
