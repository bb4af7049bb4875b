# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AdvClaimSourceMixin(models.AbstractModel):
    """A document a claim can be about (order, delivery, invoice): the count of its claims for
    the smart button, the list of them, and a new claim that starts from it.

    An inheriting model sets ``_adv_claim_field``, the ``adv.claim`` field pointing at it.
    """

    _name = "adv.claim.source.mixin"
    _description = "Document claims are made from"
    _adv_claim_field = None

    adv_claim_count = fields.Integer(
        string="Claims", compute="_compute_adv_claim_count", groups="adv_base.group_user"
    )

    def _compute_adv_claim_count(self):
        field = self._adv_claim_field
        groups = (
            self.env["adv.claim"]
            .sudo()
            ._read_group([(field, "in", self.ids)], [field], ["__count"])
        )
        counts = {record.id: count for record, count in groups}
        for record in self:
            record.adv_claim_count = counts.get(record.id, 0)

    def action_view_adv_claims(self):
        """The claims on this document; a new one starts from it."""
        self.ensure_one()
        field = self._adv_claim_field
        action = self.env["ir.actions.act_window"]._for_xml_id("adv_claims.adv_claim_action")
        action["domain"] = [(field, "=", self.id)]
        action["context"] = {
            f"default_{field}": self.id,
            "default_partner_id": self.partner_id.commercial_partner_id.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_new_adv_claim(self):
        self.ensure_one()
        action = self.action_view_adv_claims()
        action.update({"views": [(False, "form")], "view_mode": "form", "target": "current"})
        return action
