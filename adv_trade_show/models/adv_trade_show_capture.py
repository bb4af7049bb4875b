# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.badge_parser import parse_badge
from ..tools.normalize import normalize_email, normalize_phone

_logger = logging.getLogger(__name__)

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
PROCESSING_FIELDS = {"state", "lead_id", "partner_id", "matched_by", "suggested_partner_id"}
PRIORITY_BY_TEMPERATURE = {"hot": "3", "warm": "2", "cold": "1"}
FRENCH_SPEAKING = {"FR", "BE", "CH", "LU", "MC", "CA"}


class AdvTradeShowCapture(models.Model):
    """A visitor met at the booth, as typed (or scanned) on a phone.

    Saved as a draft whatever is missing (nothing typed is lost); *Save & process* checks it,
    records the consent evidence, finds the visitor among partners and leads (normalised
    e-mail, then E.164 phone) and creates or links the show's lead.
    """

    _name = "adv.trade.show.capture"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _description = "Trade Show Visitor Capture"
    _order = "capture_date desc, id desc"
    _check_company_auto = True

    show_id = fields.Many2one(
        "adv.trade.show",
        index=True,
        check_company=True,
        default=lambda self: self.env["adv.trade.show"]._default_for_user(),
        domain=[("state", "in", ("preparing", "running"))],
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        "res.users",
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
        "res.country",
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
    product_ids = fields.Many2many("product.template", string="Product Interests")
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
        related="show_id.consent_text_id.body", string="Privacy Notice", readonly=True
    )
    consent_ids = fields.One2many("adv.trade.show.consent", "capture_id", string="Consents")
    last_contact_date = fields.Date(
        string="Last Contact",
        readonly=True,
        copy=False,
        help="The latest contact with this visitor found by the retention job (a later visit, "
        "an e-mail exchanged, an activity done on their leads or contact); empty: the visit.",
    )
    retention_date = fields.Date(
        compute="_compute_retention_date",
        store=True,
        index=True,
        help="The visitor is anonymised after this date: the show's retention counted from the "
        "last contact, unless they have an opportunity, a sale order or accounting documents.",
    )

    email_normalized = fields.Char(
        string="Normalised E-mail", compute="_compute_keys", store=True, index="btree_not_null"
    )
    phone_e164 = fields.Char(
        string="Phone (E.164)", compute="_compute_keys", store=True, index="btree_not_null"
    )
    partner_id = fields.Many2one("res.partner", string="Contact", index="btree_not_null")
    lead_id = fields.Many2one("crm.lead", index="btree_not_null")
    matched_by = fields.Selection(MATCHED_BY, readonly=True)
    suggested_partner_id = fields.Many2one(
        "res.partner",
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

    @api.depends("capture_date", "last_contact_date", "show_id.retention_months")
    def _compute_retention_date(self):
        for capture in self:
            months = capture.show_id.retention_months or 36
            last = capture.last_contact_date or (
                capture.capture_date and capture.capture_date.date()
            )
            capture.retention_date = last and last + relativedelta(months=months)

    @api.depends("email", "phone", "country_id")
    def _compute_keys(self):
        for capture in self:
            capture.email_normalized = normalize_email(capture.email)
            capture.phone_e164 = normalize_phone(
                capture.phone, capture.country_id.code, capture.country_id.phone_code
            )

    # ------------------------------------------------------------------
    # Onchange and CRUD
    # ------------------------------------------------------------------

    @api.onchange("badge_payload")
    def _onchange_badge_payload(self):
        values = self._badge_values(self.badge_payload)
        if self.badge_payload and not values:
            return {
                "warning": {
                    "title": self.env._("Badge not recognised"),
                    "message": self.env._("Nothing readable in this code: type the visitor in."),
                }
            }
        for fname, value in values.items():
            # Defaults (country, language) give way to the badge; what was typed does not.
            if fname in ("country_id", "lang") or not self[fname]:
                self[fname] = value

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_processing_fields(vals)
            for fname, value in self._badge_values(vals.get("badge_payload")).items():
                if not vals.get(fname):
                    vals[fname] = value
        return super().create(vals_list)

    def write(self, vals):
        self._check_processing_fields(vals)
        if not self.env.su:
            tracked_only = set(vals) <= {"message_main_attachment_id"}
            if not tracked_only and any(c.state != "draft" for c in self):
                raise UserError(
                    self.env._("A processed capture cannot be modified: it is the visit's record.")
                )
        return super().write(vals)

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
    def _unlink_only_drafts(self):
        if any(c.state == "done" for c in self) and not self.env.user.has_group(
            "adv_trade_show.group_show_manager"
        ):
            raise UserError(self.env._("A processed capture can only be erased by a manager."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_process(self):
        """Save & process: refuse what is incomplete (the draft stays saved), then process."""
        self._check_processable()
        for capture in self:
            capture._process()
        if len(self) == 1:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success",
                    "message": self._processed_message(),
                    # Back to my captures of today, ready for the next visitor.
                    "next": dict(
                        self.env["ir.actions.act_window"]._for_xml_id(
                            "adv_trade_show.adv_trade_show_capture_action"
                        ),
                        target="main",
                    ),
                },
            }
        return True

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

    # ------------------------------------------------------------------
    # Business
    # ------------------------------------------------------------------

    def _badge_values(self, payload):
        """Capture values read from a badge payload: the onchange and create both use them."""
        found = parse_badge(payload) if payload else {}
        values = {}
        for key, fname in (
            ("name", "name"),
            ("company", "company_name"),
            ("email", "email"),
            ("job", "function"),
            ("badge_ref", "badge_ref"),
        ):
            if found.get(key):
                values[fname] = found[key]
        if found.get("mobile") or found.get("phone"):
            values["phone"] = found.get("mobile") or found.get("phone")
        if found.get("country"):
            country = self.env["res.country"].search(
                [
                    "|",
                    ("code", "=ilike", found["country"]),
                    ("name", "=ilike", found["country"]),
                ],
                limit=1,
            )
            if country:
                values["country_id"] = country.id
        if found.get("lang") in ("fr", "en"):
            values["lang"] = "fr_FR" if found["lang"] == "fr" else "en_US"
        return values

    def _missing_information(self):
        """Labels of what this capture lacks to be processed (empty: processable)."""
        self.ensure_one()
        missing = []
        if not self.show_id:
            missing.append(self.env._("the show"))
        if not (self.name or "").strip():
            missing.append(self.env._("the visitor's name"))
        if not self.email and not self.phone:
            missing.append(self.env._("an e-mail or a phone number"))
        if self.email and not self.email_normalized:
            missing.append(self.env._("a valid e-mail (%(email)s is not one)", email=self.email))
        if self.phone and not self.phone_e164:
            missing.append(
                self.env._(
                    "a valid phone number with its country (%(phone)s is not one)",
                    phone=self.phone,
                )
            )
        if not self.informed:
            missing.append(self.env._("the privacy notice given to the visitor"))
        return missing

    def _check_processable(self):
        problems = []
        for capture in self:
            if capture.state != "draft":
                problems.append(
                    self.env._(
                        "%(visitor)s: already processed.", visitor=capture.name or capture.id
                    )
                )
                continue
            missing = capture._missing_information()
            if missing:
                problems.append(
                    self.env._(
                        "%(visitor)s: missing %(missing)s.",
                        visitor=capture.name or self.env._("New visitor"),
                        missing=", ".join(missing),
                    )
                )
        if problems:
            raise UserError(
                self.env._(
                    "The capture is saved as a draft but cannot be processed yet:\n%(problems)s",
                    problems="\n".join(problems),
                )
            )

    def _processed_message(self):
        self.ensure_one()
        if self.matched_by == "new":
            return self.env._("New visitor: lead created.")
        return self.env._(
            "Known visitor (matched by %(key)s): linked to %(lead)s.",
            key=dict(self._fields["matched_by"]._description_selection(self.env))[self.matched_by],
            lead=self.lead_id.display_name,
        )

    def _process(self):
        """Match, then create or link the lead, the consent evidence, the follow-up, the e-mail.

        Runs under a lock per matching key (see ``adv.trade.show.match.key``): two phones
        processing the same visitor at once produce one lead, never two.
        """
        self.ensure_one()
        self.env["adv.trade.show.match.key"].sudo()._lock(
            [self.email_normalized, self.phone_e164], self.company_id
        )
        partner, lead, matched_by = self._find_match()
        Lead = self.env["crm.lead"].sudo()
        values = {"matched_by": matched_by, "state": "done", "partner_id": partner.id}
        if lead and lead.adv_show_id == self.show_id:
            # The same visitor seen twice at this show: one lead, the new capture linked to it.
            lead.message_post(
                body=self.env._(
                    "Visitor captured again at the booth by %(user)s.", user=self.user_id.name
                )
            )
        else:
            lead = Lead.create(self._prepare_lead_values(partner or lead.partner_id))
            self._schedule_follow_up(lead)
        values["lead_id"] = lead.id
        values["partner_id"] = (partner or lead.partner_id).id
        if matched_by == "new":
            values["suggested_partner_id"] = self._suggest_partner().id
        self.sudo().write(values)
        self._record_consents()
        self._send_thanks()

    def _find_match(self):
        """``(partner, lead, key)``: on the normalised e-mail first, then on the E.164 phone;
        a partner before a lead. At most four indexed lookups, whatever the volume."""
        Partner = self.env["res.partner"].sudo()
        Lead = self.env["crm.lead"].sudo()
        company_domain = [("company_id", "in", (False, self.company_id.id))]
        for key, value in (("email", self.email_normalized), ("phone", self.phone_e164)):
            if not value:
                continue
            if key == "email":
                partner_domain = [("email_normalized", "=", value)]
                lead_domain = [("email_normalized", "=", value)]
            else:
                partner_domain = [
                    "|",
                    ("adv_phone_e164", "=", value),
                    ("adv_mobile_e164", "=", value),
                ]
                lead_domain = list(partner_domain)
            show_lead = Lead.search(
                lead_domain + [("adv_show_id", "=", self.show_id.id)], order="id", limit=1
            )
            partner = Partner.search(partner_domain + company_domain, order="id", limit=1)
            if show_lead or partner:
                return partner or show_lead.partner_id, show_lead, key
            lead = Lead.search(lead_domain + company_domain, order="id desc", limit=1)
            if lead:
                return lead.partner_id, lead, key
        return Partner, Lead, "new"

    def _suggest_partner(self):
        """Same name and same company name: only a suggestion, never linked by itself.

        Looked up on the name's usual spellings (an exact, indexed lookup), the company compared
        without case: a case-insensitive scan of every partner would not stay constant."""
        if not (self.name and self.company_name):
            return self.env["res.partner"]
        name, company = self.name.strip(), self.company_name.strip().lower()
        variants = list({name, name.lower(), name.upper(), name.title()})
        candidates = self.env["res.partner"].sudo().search([("name", "in", variants)], limit=20)
        return candidates.filtered(
            lambda p: company in ((p.parent_id.name or "").lower(), (p.company_name or "").lower())
        )[:1]

    def _assign_rule(self):
        """The first assignment rule (by sequence) matching this capture, or nothing."""
        rules = (
            self.env["adv.trade.show.assign.rule"]
            .sudo()
            .search([("company_id", "=", self.company_id.id)])
        )
        return rules._find_for(self)

    def _prepare_lead_values(self, partner):
        """Hook: the values of the show's new lead for this capture."""
        show = self.show_id
        rule = self._assign_rule()
        user = rule.user_id or show.user_id
        lang = self.env["res.lang"]._lang_get(self.lang) if self.lang else False
        need = [escape(self.need or "")]
        if self.product_ids:
            need.append(
                escape(
                    self.env._(
                        "Interested in: %(products)s",
                        products=", ".join(self.product_ids.mapped("name")),
                    )
                )
            )
        use_leads = self.env.user.has_group("crm.group_use_lead")
        values = {
            "type": "lead" if use_leads else "opportunity",
            "name": self.env._(
                "%(show)s: %(visitor)s", show=show.name, visitor=self.company_name or self.name
            ),
            "contact_name": self.name,
            "partner_name": self.company_name,
            "email_from": self.email,
            "phone": self.phone,
            "function": self.function,
            "country_id": self.country_id.id,
            "lang_id": lang.id if lang else False,
            "description": Markup("<br/>").join(n for n in need if n),
            "priority": PRIORITY_BY_TEMPERATURE.get(self.temperature, "1"),
            "campaign_id": show.campaign_id.id,
            "source_id": show.source_id.id,
            "medium_id": show.medium_id.id,
            "tag_ids": show._prepare_lead_tags(),
            "user_id": user.id,
            "team_id": (rule.team_id or show.team_id).id,
            "company_id": self.company_id.id,
            "adv_show_id": show.id,
        }
        if partner:
            # The lead takes the partner's contact data (crm would otherwise write the typed
            # ones back onto the partner); different ones given at the booth go in the notes.
            values["partner_id"] = partner.id
            email, phone = values.pop("email_from"), values.pop("phone")
            given = [
                v
                for v, known in (
                    (email, partner.email_normalized == self.email_normalized),
                    (phone, self.phone_e164 in (partner.adv_phone_e164, partner.adv_mobile_e164)),
                )
                if v and not known
            ]
            if given:
                note = self.env._("Given at the booth: %(contact)s", contact=", ".join(given))
                values["description"] = Markup("<br/>").join(
                    [values["description"], escape(note)]
                    if values["description"]
                    else [escape(note)]
                )
        return values

    def _schedule_follow_up(self, lead):
        """The promised next step, due ``followup_days`` after the visit, for the salesperson."""
        activity_type = self.env.ref("adv_trade_show.mail_activity_show_followup")
        step = dict(self._fields["next_step"]._description_selection(self.env)).get(
            self.next_step, ""
        )
        lead.activity_schedule(
            activity_type_id=activity_type.id,
            summary=step,
            note=escape(self.need or ""),
            user_id=(lead.user_id or self.show_id.user_id or self.env.user).id,
            date_deadline=self.capture_date.date() + relativedelta(days=self.show_id.followup_days),
        )

    def _record_consents(self):
        """The evidence: follow-up on legitimate interest (visitor informed), and marketing on
        consent only when the visitor ticked it."""
        text = self.show_id.consent_text_id.with_context(lang=self.lang)
        common = {
            "capture_id": self.id,
            "show_id": self.show_id.id,
            "partner_id": self.partner_id.id,
            "lead_id": self.lead_id.id,
            "email_normalized": self.email_normalized,
            "text_version": text.name or "-",
            "lang": self.lang,
            "user_id": self.user_id.id,
            "marketing_opt_in": self.marketing_opt_in,
            "retention_date": self.retention_date,
        }
        values = [
            dict(
                common,
                purpose="follow_up",
                legal_basis="legitimate_interest",
                text_shown=text.body or "-",
            )
        ]
        if self.marketing_opt_in:
            values.append(
                dict(
                    common,
                    purpose="marketing",
                    legal_basis="consent",
                    text_shown=text.marketing_body or "-",
                )
            )
        self.env["adv.trade.show.consent"].sudo().create(values)

    def _may_send_thanks(self):
        """Only with the visitor's agreement: marketing opt-in, or documentation they asked for."""
        return bool(self.email_normalized) and (
            self.marketing_opt_in or self.next_step == "documentation"
        )

    def _send_thanks(self):
        template = self.show_id.mail_template_id
        if template and self._may_send_thanks():
            template.sudo().send_mail(self.id, email_layout_xmlid="mail.mail_notification_light")

    def _anonymise(self):
        """Clear what identifies the visitor on the captures, on their leads that did not go
        on (see :meth:`_retention_keep_domain`) and on their consent evidence."""
        label = self.env._("Anonymised visitor")
        kept = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", self.lead_id.ids)] + self._retention_keep_domain())
        )
        leads = self.lead_id.sudo() - kept
        leads.write(
            {
                "contact_name": label,
                "partner_name": False,
                "email_from": False,
                "phone": False,
                "mobile": False,
                "function": False,
                "description": False,
                "partner_id": False,
            }
        )
        self.consent_ids.sudo().with_context(adv_show_anonymise=True).write(
            {"email_normalized": False, "partner_id": False, "anonymised": True}
        )
        self.sudo().write(
            {
                "name": label,
                "company_name": False,
                "email": False,
                "phone": False,
                "function": False,
                "need": False,
                "card_image": False,
                "badge_payload": False,
                "badge_ref": False,
                "partner_id": False,
                "suggested_partner_id": False,
                "state": "anonymised",
            }
        )
        self.sudo().message_ids.unlink()

    @api.model
    def _retention_keep_domain(self):
        """Hook: the leads whose visitors are kept past retention (a business relation exists:
        won, or an active opportunity with an expected revenue)."""
        return [
            ("active", "=", True),
            "|",
            ("stage_id.is_won", "=", True),
            "&",
            ("type", "=", "opportunity"),
            ("expected_revenue", ">", 0),
        ]

    @api.model
    def _retention_documents_partners(self):
        """SQL of the partners kept whatever the date because their commercial entity has a
        confirmed sale order or an accounting document (posted or cancelled: numbered documents
        are kept), or ``None`` when neither Sales nor Invoicing is installed (no dependency)."""
        parts = []
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        if "sale.order" in self.env:
            self.env["sale.order"].flush_model(["state", "partner_id"])
            parts.append(
                SQL(
                    """SELECT rp.commercial_partner_id FROM sale_order so
                         JOIN res_partner rp ON rp.id = so.partner_id WHERE so.state = 'sale'"""
                )
            )
        if "account.move" in self.env:
            self.env["account.move"].flush_model(["state", "commercial_partner_id"])
            parts.append(
                SQL(
                    """SELECT commercial_partner_id FROM account_move
                        WHERE state != 'draft' AND commercial_partner_id IS NOT NULL"""
                )
            )
        if not parts:
            return None
        return SQL(
            "(SELECT id FROM res_partner WHERE commercial_partner_id IN (%s))",
            SQL(" UNION ").join(parts),
        )

    @api.model
    def _retention_domain(self):
        """The captures due for anonymisation: past their retention date, their lead did not
        go on (:meth:`_retention_keep_domain`), neither their contact nor their lead's has an
        order or accounting documents."""
        domain = [
            ("state", "!=", "anonymised"),
            ("retention_date", "<", fields.Date.context_today(self)),
            ("lead_id", "not any", self._retention_keep_domain()),
        ]
        documents = self._retention_documents_partners()
        if documents is not None:
            domain += [
                ("partner_id", "not any", [("id", "in", documents)]),
                ("lead_id", "not any", [("partner_id", "in", documents)]),
            ]
        return domain

    def _last_contact_dates(self):
        """``{capture id: date}``: the last contact with each capture's visitor, in one query.

        The visitor is the capture's contact, normalised e-mail and lead; their contacts are
        their visits (every capture sharing the lead, contact or e-mail), and on their leads
        (the capture's, and those of the same contact or e-mail) and on their contact: the
        e-mails received or sent and the activities marked done. Internal notes, tracking and
        system messages are not contacts with the person, nor is the write date of a lead
        (our own jobs and mass edits touch it)."""
        if not self:
            return {}
        contact = SQL(
            """(m.mail_activity_type_id IS NOT NULL OR m.message_type = 'email'
                OR (m.message_type = 'comment' AND m.subtype_id = %s))""",
            self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_comment"),
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH cap AS (
                    SELECT id, lead_id, partner_id, email_normalized, capture_date
                      FROM adv_trade_show_capture WHERE id = ANY(%(ids)s)
                ), person_lead AS (
                    SELECT id AS cid, lead_id AS lid FROM cap WHERE lead_id IS NOT NULL
                    UNION SELECT cap.id, l.id FROM cap JOIN crm_lead l
                        ON l.partner_id = cap.partner_id
                    UNION SELECT cap.id, l.id FROM cap JOIN crm_lead l
                        ON l.email_normalized = cap.email_normalized
                ), dates AS (
                    SELECT id AS cid, capture_date AS d FROM cap
                    UNION ALL SELECT cap.id, o.capture_date FROM cap
                        JOIN adv_trade_show_capture o ON o.lead_id = cap.lead_id
                    UNION ALL SELECT cap.id, o.capture_date FROM cap
                        JOIN adv_trade_show_capture o ON o.partner_id = cap.partner_id
                    UNION ALL SELECT cap.id, o.capture_date FROM cap
                        JOIN adv_trade_show_capture o ON o.email_normalized = cap.email_normalized
                    UNION ALL SELECT pl.cid, m.date FROM person_lead pl
                        JOIN mail_message m ON m.model = 'crm.lead' AND m.res_id = pl.lid
                       WHERE %(contact)s
                    UNION ALL SELECT cap.id, m.date FROM cap
                        JOIN mail_message m ON m.model = 'res.partner' AND m.res_id = cap.partner_id
                       WHERE %(contact)s
                )
                SELECT cid, max(d) FROM dates GROUP BY cid
                """,
                ids=self.ids,
                contact=contact,
            )
        )
        return {cid: last.date() for cid, last in self.env.cr.fetchall() if last}

    def _update_last_contact(self):
        """Move the retention of the captures whose visitor was contacted after the visit (and
        that of their consent evidence): one write per new date."""
        by_date = {}
        for capture_id, last in self._last_contact_dates().items():
            capture = self.browse(capture_id)
            if last > (capture.last_contact_date or capture.capture_date.date()):
                by_date.setdefault(last, []).append(capture_id)
        for last, ids in by_date.items():
            captures = self.browse(ids).sudo()
            captures.write({"last_contact_date": last})
            for retention, group in captures.grouped("retention_date").items():
                group.consent_ids.write({"retention_date": retention})
        return self.browse([i for ids in by_date.values() for i in ids])

    @api.model
    def _cron_anonymise(self, limit=1000):
        """Retention: the captures past their retention date (see :meth:`_retention_domain`)
        are checked for a later contact, which moves their retention date; the others are
        anonymised, in batches."""
        domain = self._retention_domain()
        Capture = self.sudo().with_context(active_test=False)
        candidates = Capture.search(domain, limit=limit)
        contacted = candidates._update_last_contact()
        today = fields.Date.context_today(self)
        captures = candidates.filtered(lambda c: c.retention_date < today)
        captures._anonymise()
        _logger.info(
            "Trade show retention: %s captures anonymised, %s kept for a later contact",
            len(captures),
            len(contacted - captures),
        )
        remaining = Capture.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(captures), remaining=remaining)
        return captures
