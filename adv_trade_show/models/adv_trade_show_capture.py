# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.exceptions import UserError

from ..tools.normalize import normalize_email, normalize_phone

CAPTURE_LANG = [("fr_FR", "French"), ("en_US", "English")]
TEMPERATURE = [("hot", "Hot"), ("warm", "Warm"), ("cold", "Cold")]
NEXT_STEP = [
    ("call", "Call back"),
    ("quote", "Send a quote"),
    ("documentation", "Send documentation"),
    ("visit", "Visit"),
]
CAPTURE_STATE = [("draft", "Draft"), ("done", "Processed"), ("anonymised", "Anonymised")]
MATCHED_BY = [("email", "E-mail"), ("phone", "Phone"), ("new", "New visitor")]
# Written by the processing only (with superuser rights), never by hand or over RPC.
PROCESSING_FIELDS = {
    "state",
    "lead_id",
    "partner_id",
    "matched_by",
    "suggested_partner_id",
    "created_partner_ids",
    "notify_activity_id",
}
FRENCH_SPEAKING = {"FR", "BE", "CH", "LU", "MC", "CA"}


class AdvTradeShowCapture(models.Model):
    """A visitor met at the booth, as typed (or scanned) on a phone.

    Saved as a draft whatever is missing (nothing typed is lost); *Save & process* checks it,
    records the consent evidence, finds the visitor among partners and leads (normalised
    e-mail, then E.164 phone) and creates or links the show's lead.

    Split by job: badge intake (``_badge``), processing (``_processing``), matching
    (``_matching``), retention and anonymisation (``_retention``).
    """

    _name = "adv.trade.show.capture"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Trade Show Visitor Capture"
    _order = "capture_date desc, id desc"
    _check_company_auto = True

    show_id = fields.Many2one(
        comodel_name="adv.trade.show",
        index=True,
        check_company=True,
        default=lambda self: self.env["adv.trade.show"]._default_for_user(),
        domain=[("state", "in", ("preparing", "running"))],
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Collected By",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    capture_date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    state = fields.Selection(CAPTURE_STATE, default="draft", required=True, tracking=True)

    name = fields.Char(string="Visitor", tracking=True)
    company_name = fields.Char(string="Visitor's Company")
    email = fields.Char(string="E-mail")
    phone = fields.Char()
    function = fields.Char(string="Job")
    country_id = fields.Many2one(
        comodel_name="res.country",
        compute="_compute_country_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    lang = fields.Selection(
        CAPTURE_LANG,
        string="Language",
        compute="_compute_lang",
        store=True,
        readonly=False,
        precompute=True,
    )
    product_ids = fields.Many2many(comodel_name="product.template", string="Product Interests")
    need = fields.Text()
    temperature = fields.Selection(TEMPERATURE, default="warm")
    next_step = fields.Selection(NEXT_STEP, default="call")
    card_image = fields.Image(string="Business Card", max_width=1600, max_height=1600)
    badge_payload = fields.Text(
        string="Badge",
        help="What the badge's QR code holds (vCard, MeCard or text): scanned with the camera, "
        "or typed / pasted. It fills the empty fields.",
    )
    badge_ref = fields.Char(string="Badge Number")

    informed = fields.Boolean(
        string="Privacy notice given",
        help="The visitor was told how their data will be used and that they may object.",
    )
    marketing_opt_in = fields.Boolean(
        string="Agrees to marketing e-mails",
        help="Asked separately; never pre-ticked.",
    )
    consent_text = fields.Text(
        string="Privacy Notice",
        compute="_compute_consent_text",
        help="The show's privacy notice in the visitor's language (else the user's), as the "
        "visitor reads it on the phone and as their consent evidence keeps it.",
    )
    consent_ids = fields.One2many(
        comodel_name="adv.trade.show.consent", inverse_name="capture_id", string="Consents"
    )
    email_normalized = fields.Char(
        string="Normalised E-mail", compute="_compute_keys", store=True, index="btree_not_null"
    )
    phone_e164 = fields.Char(
        string="Phone (E.164)", compute="_compute_keys", store=True, index="btree_not_null"
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Contact", index="btree_not_null"
    )
    lead_id = fields.Many2one(comodel_name="crm.lead", index="btree_not_null")
    created_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="adv_trade_show_capture_created_partner_rel",
        column1="capture_id",
        column2="partner_id",
        string="Contacts Created",
        readonly=True,
        copy=False,
        help="The contacts created from this visitor's lead (the person, and their company "
        "when its name came from the visit): anonymised with the visitor at retention, "
        "unless an order, accounting documents or an opportunity keeps them.",
    )
    notify_activity_id = fields.Many2one(
        comodel_name="mail.activity",
        string="Follow-up to Announce",
        readonly=True,
        copy=False,
        ondelete="set null",
        index="btree_not_null",
        help="The follow-up this capture scheduled, until its salesperson has been e-mailed "
        "about it (a moment after the capture).",
    )
    matched_by = fields.Selection(MATCHED_BY, readonly=True)
    suggested_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Possible Match",
        readonly=True,
        help="Same name and company: not linked automatically, check it.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------

    @api.depends("show_id")
    def _compute_company_id(self):
        for capture in self:
            capture.company_id = (
                capture.show_id.company_id or capture.company_id or self.env.company
            )

    @api.depends("show_id")
    def _compute_country_id(self):
        for capture in self:
            if not capture.country_id:
                capture.country_id = capture.show_id.country_id

    @api.depends("country_id")
    def _compute_lang(self):
        for capture in self:
            if capture.country_id:
                french = capture.country_id.code in FRENCH_SPEAKING
                capture.lang = "fr_FR" if french else "en_US"
            elif not capture.lang:
                capture.lang = "fr_FR" if self.env.user.lang == "fr_FR" else "en_US"

    @api.depends("show_id.consent_text_id", "lang")
    @api.depends_context("lang")
    def _compute_consent_text(self):
        """Shown in the visitor's language: the booth staff's own language is not theirs."""
        for capture in self:
            text = capture.show_id.consent_text_id
            capture.consent_text = text.with_context(lang=capture.lang or self.env.lang).body

    @api.depends("email", "phone", "country_id")
    def _compute_keys(self):
        for capture in self:
            capture.email_normalized = normalize_email(capture.email)
            capture.phone_e164 = normalize_phone(
                capture.phone, capture.country_id.code, capture.country_id.phone_code
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_typed_values(vals)
        # The capture is the visit's own record (who, when: create_uid and create_date): no
        # "created" message and the booth staff member does not follow it; its processing is
        # tracked (status) and the lead holds the conversation.
        return super(
            AdvTradeShowCapture,
            self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True),
        ).create(vals_list)

    @api.model
    def _prepare_typed_values(self, vals):
        """The values of a new capture as typed or scanned, checked and completed in place:
        no processing field, a bounded badge, the badge's fields where nothing was typed, one
        normalised e-mail address."""
        self._check_processing_fields(vals)
        self._check_badge_payload(vals)
        for fname, value in self._badge_values(vals.get("badge_payload")).items():
            if not vals.get(fname):
                vals[fname] = value
        self._normalise_email_value(vals)
        return vals

    def write(self, vals):
        self._check_processing_fields(vals)
        self._check_badge_payload(vals)
        self._normalise_email_value(vals)
        if not self.env.su:
            tracked_only = set(vals) <= {"message_main_attachment_id"}
            if not tracked_only and any(c.state != "draft" for c in self):
                raise UserError(
                    self.env._("A processed capture cannot be modified: it is the visit's record.")
                )
        return super().write(vals)

    @api.model
    def _normalise_email_value(self, vals):
        """The capture keeps one address, normalised: a list (``a@x.com, b@y.com``) or a
        display name (``"a@x.com" <b@y.com>``) typed or scanned becomes its first address.
        A value without any address stays as typed (processing says it is not valid)."""
        if vals.get("email"):
            vals["email"] = normalize_email(vals["email"]) or vals["email"]

    def _check_processing_fields(self, vals):
        """Status, lead and contact come from processing: refused by hand (create, write, RPC)."""
        if self.env.su:
            return
        set_by_hand = [
            fname
            for fname in PROCESSING_FIELDS & set(vals)
            if vals[fname] and not (fname == "state" and vals[fname] == "draft")
        ]
        if set_by_hand:
            raise UserError(
                self.env._("The status, lead and contact of a capture are set by processing.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_processed_only_by_managers(self):
        if any(c.state == "done" for c in self) and not self.env.user.has_group(
            "adv_trade_show.group_show_manager"
        ):
            raise UserError(self.env._("A processed capture can only be erased by a manager."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_process(self):
        """Save & process: lock the visitors, refuse what is incomplete (the draft stays
        saved), then process."""
        self._lock_visitors_first()
        self._check_processable()
        for capture in self:
            capture._process()
        if len(self) == 1:
            return self._processed_action()
        return True

    @api.model
    def action_capture(self, vals):
        """Save & process a new visitor in one request (the booth's button on a new capture):
        one round trip instead of two (save, then process) on a show's crowded network.

        The same steps as ``create`` then ``action_process``: the visitor's lock is taken
        first, on the keys of the typed values (nothing is written before it), then the
        capture is created (its guards apply) and processed. A refusal saves nothing: the
        whole request is rolled back, and the phone then saves the draft and processes it in
        two requests, where the same refusal keeps the draft."""
        # the keys and the company as the capture will compute them: the badge read and the
        # defaults applied (the user's show, default_* keys), as ``create`` does
        typed = self.new(self._add_missing_default_values(self._prepare_typed_values(dict(vals))))
        self._lock_visitors_first(typed._visitor_keys())
        capture = self.create(vals)
        capture._check_processable()
        capture._process()
        return capture._processed_action()

    def _processed_action(self):
        """What the phone shows once this capture is processed: what was done, then back to
        the booth's captures of today, ready for the next visitor."""
        self.ensure_one()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self._processed_message(),
                "next": dict(self._captures_action(self.env.lang), target="main"),
            },
        }

    @api.model
    @tools.ormcache("lang")
    def _captures_action(self, lang):
        """The booth's list of captures (read once per language, not at every capture: Odoo
        clears this cache when an action changes). Callers copy it before changing it."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "adv_trade_show.adv_trade_show_capture_action"
        )

    def action_open_lead(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.lead",
            "res_id": self.lead_id.id,
            "view_mode": "form",
        }

    def action_erase(self):
        """Erasure on request: anonymise the capture, its lead if still a lead, its consents."""
        if not self.env.user.has_group("adv_trade_show.group_show_manager"):
            raise UserError(self.env._("Only a trade show manager may erase a visitor's data."))
        self._anonymise()
