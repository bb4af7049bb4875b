# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

SUPPLY_GROUP = "adv_supply_followup.group_supply_followup"


class AdvClaimRemedy(models.Model):
    _inherit = "adv.claim.remedy"

    adv_chase_id = fields.Many2one(
        comodel_name="adv.supply.chase",
        string="Supply chase",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups=SUPPLY_GROUP,
        help="Back-charge: the chase of the carrier or supplier until they accept it.",
    )

    def _adv_back_charge_created(self):
        """Supply follow-up chases the carrier or supplier until they accept the back-charge."""
        result = super()._adv_back_charge_created()
        self._adv_open_back_charge_chase()
        return result

    def _adv_back_charge_document(self):
        """The document to chase about: the remedy's purchase order, else its transfer, else
        the claim's delivery."""
        self.ensure_one()
        return self.purchase_id or self.picking_id or self.claim_id.picking_id

    def _adv_open_back_charge_chase(self):
        """Open (idempotently) the chase of each back-charge and link both ways.

        The claim handler may have no supply follow-up right: the chase is opened and linked
        as superuser, the messages keep the handler as author. Without a document to chase
        about, the claim says so and its handler gets an activity.
        """
        Chase = self.env["adv.supply.chase"].sudo()
        for remedy in self.sudo().filtered(lambda r: r.remedy_type == "back_charge"):
            if remedy.adv_chase_id:
                continue
            claim = remedy.claim_id.with_env(self.env)
            amount = remedy.currency_id.format(remedy.amount)
            document = remedy._adv_back_charge_document()
            if not document:
                message = self.env._(
                    "Back-charge of %(amount)s to %(partner)s: no purchase order or transfer to "
                    "chase it on. Follow up its acceptance with them directly.",
                    amount=amount,
                    partner=remedy.partner_id.display_name,
                )
                claim.message_post(body=message)
                claim.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=(claim.user_id or self.env.user).id,
                    summary=self.env._("Follow up the back-charge"),
                    note=message,
                )
                continue
            reason = self.env._(
                "Back-charge of claim %(claim)s: %(amount)s to %(partner)s (vendor refund "
                "%(refund)s). Get them to accept it.",
                claim=claim.name,
                amount=amount,
                partner=remedy.partner_id.display_name,
                refund=remedy.account_move_id.display_name or "-",
            )
            chase = Chase._adv_open_chase(document, reason).sudo()
            vals = {}
            # The chase of a customer delivery would name the customer: a back-charge chases
            # the carrier or supplier who bears it.
            if not chase.partner_id or (
                chase.partner_id.commercial_partner_id == claim.commercial_partner_id
            ):
                vals["partner_id"] = remedy.partner_id.id
            if not chase.amount:
                vals["amount"] = remedy.amount
            if vals:
                chase.write(vals)
            remedy.adv_chase_id = chase
            chase.message_post(
                body=self.env._(
                    "Back-charge %(remedy)s of %(amount)s from claim %(claim)s.",
                    remedy=remedy._get_html_link(title=remedy.name),
                    amount=amount,
                    claim=claim._get_html_link(title=claim.name),
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )
            claim.message_post(
                body=self.env._(
                    "The back-charge is followed up in supply chase %(chase)s: the follow-up "
                    "team chases %(partner)s until they accept it.",
                    chase=chase.display_name,
                    partner=remedy.partner_id.display_name,
                )
            )
