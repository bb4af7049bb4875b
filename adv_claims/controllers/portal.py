# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer portal: a customer lists their company's claims and files a new one with photos.

The portal user reads claims through the portal record rule (their commercial partner only);
a new claim is created with ``sudo()`` after the controller has checked every value it takes
from the request (the customer is always the user's own company, documents must be theirs).
"""

import base64

from odoo import Command, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

PAGE_SIZE = 20
MAX_PHOTOS = 10


class ClaimPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "adv_claim_count" in counters:
            Claim = request.env["adv.claim"]
            values["adv_claim_count"] = Claim.search_count([]) if Claim.has_access("read") else 0
        return values

    @http.route(
        ["/my/claims", "/my/claims/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_claims(self, page=1, **kw):
        Claim = request.env["adv.claim"]
        count = Claim.search_count([])
        pager = portal_pager(url="/my/claims", total=count, page=page, step=PAGE_SIZE)
        claims = Claim.search([], limit=PAGE_SIZE, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({"claims": claims, "pager": pager, "page_name": "adv_claims"})
        return request.render("adv_claims.portal_my_claims", values)

    @http.route(["/my/claims/<int:claim_id>"], type="http", auth="public", website=True)
    def portal_my_claim(self, claim_id, access_token=None, **kw):
        try:
            claim = self._document_check_access("adv.claim", claim_id, access_token)
        except (AccessError, MissingError):
            return request.redirect("/my")
        values = self._get_page_view_values(
            claim,
            access_token,
            {"claim": claim, "page_name": "adv_claim"},
            "my_claims_history",
            False,
        )
        return request.render("adv_claims.portal_my_claim", values)

    @http.route(["/my/claims/new"], type="http", auth="user", website=True, methods=["GET"])
    def portal_new_claim(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._portal_claim_form_values())
        return request.render("adv_claims.portal_new_claim", values)

    def _portal_claim_form_values(self, error=None, post=None):
        partner = request.env.user.partner_id.commercial_partner_id
        orders = (
            request.env["sale.order"]
            .sudo()
            .search(
                [("partner_id", "child_of", partner.id), ("state", "=", "sale")],
                limit=30,
                order="date_order desc",
            )
        )
        types = request.env["adv.claim.type"].sudo().search([])
        return {
            "orders": orders,
            "claim_types": types,
            "error": error,
            "post": post or {},
            "page_name": "adv_claim_new",
        }

    @staticmethod
    def _portal_posted_id(post, name):
        """The id posted as ``name``: 0 when empty, -1 when it is not a number."""
        value = (post.get(name) or "").strip()
        if not value:
            return 0
        return int(value) if value.isdigit() and len(value) < 10 else -1

    def _portal_claim_form_refused(self, message, post, status=400):
        values = self._prepare_portal_layout_values()
        values.update(self._portal_claim_form_values(error=message, post=post))
        return request.render("adv_claims.portal_new_claim", values, status=status)

    @http.route(["/my/claims/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_create_claim(self, **post):
        subject = (post.get("subject") or "").strip()
        if not subject:
            message = request.env._("Please say in a few words what went wrong.")
            return self._portal_claim_form_refused(message, post, status=200)
        vals, error = self._portal_prepare_claim_values(post, subject)
        if error:
            return self._portal_claim_form_refused(error, post)
        claim = request.env["adv.claim"].sudo().with_context(tracking_disable=False).create(vals)
        self._portal_attach_photos(claim)
        return request.redirect(f"/my/claims/{claim.id}")

    def _portal_prepare_claim_values(self, post, subject):
        """``(values of the new claim, None)``, or ``(None, message)`` when the form posted an
        order or a claim type the customer cannot choose.

        Ids come from the form: anything else than one of the customer's orders, or one of the
        claim types offered, is told to the customer (400), never a server error.
        """
        partner = request.env.user.partner_id
        commercial = partner.commercial_partner_id
        vals = {
            "subject": subject,
            "description": post.get("description") or False,
            "partner_id": commercial.id,
            "contact_id": partner.id,
            "channel": "portal",
            "email_from": partner.email,
        }
        order_id = self._portal_posted_id(post, "order_id")
        if order_id:
            order = request.env["sale.order"].sudo().browse(order_id).exists()
            if order_id < 0 or not order or order.partner_id.commercial_partner_id != commercial:
                return None, request.env._(
                    "This order is not one of yours: choose it from the list."
                )
            vals["sale_order_id"] = order.id
            vals["company_id"] = order.company_id.id
        type_id = self._portal_posted_id(post, "type_id")
        if type_id:
            if type_id < 0 or not request.env["adv.claim.type"].sudo().browse(type_id).exists():
                return None, request.env._("Choose the kind of claim from the list.")
            vals["type_id"] = type_id
        return vals, None

    def _portal_attach_photos(self, claim):
        """The uploaded photos, in the chatter and as the claim's photo evidence."""
        partner = request.env.user.partner_id
        files = request.httprequest.files.getlist("photos")[:MAX_PHOTOS]
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .create(
                [
                    {
                        "name": upload.filename,
                        "datas": base64.b64encode(upload.read()),
                        "res_model": "adv.claim",
                        "res_id": claim.id,
                    }
                    for upload in files
                    if upload.filename
                ]
            )
        )
        claim.message_post(
            body=request.env._("Claim filed on the customer portal."),
            attachment_ids=attachments.ids,
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        photos = request.env.ref("adv_claims.evidence_photos", raise_if_not_found=False)
        if attachments and photos:
            request.env["adv.claim.evidence"].sudo().create(
                {
                    "claim_id": claim.id,
                    "kind_id": photos.id,
                    "attachment_ids": [Command.set(attachments.ids)],
                }
            )
