# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..tools.delay_link import SUPPLY_GROUP


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
            document = remedy._adv_back_charge_document()
            if not document:
                remedy._adv_ask_direct_follow_up(claim)
                continue
            chase = Chase._adv_open_chase(document, remedy._adv_back_charge_reason(claim)).sudo()
            vals = remedy._adv_back_charge_chase_vals(chase, claim)
            if vals:
                chase.write(vals)
            remedy.adv_chase_id = chase
            remedy._adv_announce_back_charge_chase(chase, claim)

    def _adv_amount_text(self):
        return self.currency_id.format(self.amount)

    def _adv_back_charge_reason(self, claim):
        """The chase's reason: what to get the carrier or supplier to accept."""
        return self.env._(
            "Back-charge of claim %(claim)s: %(amount)s to %(partner)s (vendor refund "
            "%(refund)s). Get them to accept it.",
            claim=claim.name,
            amount=self._adv_amount_text(),
            partner=self.partner_id.display_name,
            refund=self.account_move_id.display_name or "-",
        )

    def _adv_back_charge_chase_vals(self, chase, claim):
        """What the chase needs from the back-charge: the chase of a customer delivery would
        name the customer, a back-charge chases the carrier or supplier who bears it; a chase
        without a value takes the back-charge's."""
        vals = {}
        if not chase.partner_id or (
            chase.partner_id.commercial_partner_id == claim.commercial_partner_id
        ):
            vals["partner_id"] = self.partner_id.id
        if not chase.amount:
            vals["amount"] = self.amount
        return vals

    def _adv_ask_direct_follow_up(self, claim):
        """No document to chase on: the claim says so and its handler gets an activity."""
        message = self.env._(
            "Back-charge of %(amount)s to %(partner)s: no purchase order or transfer to "
            "chase it on. Follow up its acceptance with them directly.",
            amount=self._adv_amount_text(),
            partner=self.partner_id.display_name,
        )
        claim.message_post(body=message)
        claim.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=(claim.user_id or self.env.user).id,
            summary=self.env._("Follow up the back-charge"),
            note=message,
        )

    def _adv_announce_back_charge_chase(self, chase, claim):
        """A note on the chase naming the back-charge, a message on the claim naming the
        chase (the handler as author)."""
        chase.message_post(
            body=self.env._(
                "Back-charge %(remedy)s of %(amount)s from claim %(claim)s.",
                remedy=self._get_html_link(title=self.name),
                amount=self._adv_amount_text(),
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
                partner=self.partner_id.display_name,
            )
        )
