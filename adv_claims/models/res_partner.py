# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import fields, models

CLAIM_RATE_DAYS = 365


class ResPartner(models.Model):
    _inherit = "res.partner"

    adv_claim_count = fields.Integer(
        string="Claims", compute="_compute_adv_claim_stats", groups="adv_base.group_user"
    )
    adv_claim_rate = fields.Float(
        string="Claim rate (%)",
        compute="_compute_adv_claim_stats",
        groups="adv_base.group_user",
        help="Claims received over the last 12 months / order lines delivered over the same "
        "period, in percent.",
    )

    def _compute_adv_claim_stats(self):
        commercial = self.commercial_partner_id
        Claim = self.env["adv.claim"]
        since = fields.Datetime.now() - datetime.timedelta(days=CLAIM_RATE_DAYS)
        total = {
            partner.id: count
            for partner, count in Claim.sudo()._read_group(
                [("commercial_partner_id", "in", commercial.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        }
        recent = {
            partner.id: count
            for partner, count in Claim.sudo()._read_group(
                [
                    ("commercial_partner_id", "in", commercial.ids),
                    ("date_claim", ">=", since),
                ],
                ["commercial_partner_id"],
                ["__count"],
            )
        }
        delivered = Claim._adv_delivered_line_counts(commercial.ids, since) if commercial else {}
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.adv_claim_count = total.get(key, 0)
            lines = delivered.get(key, 0)
            partner.adv_claim_rate = 100.0 * recent.get(key, 0) / lines if lines else 0.0

    def action_view_adv_claims(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("adv_claims.adv_claim_action")
        commercial = self.commercial_partner_id
        action["domain"] = [("commercial_partner_id", "=", commercial.id)]
        action["context"] = {"default_partner_id": commercial.id}
        return action
