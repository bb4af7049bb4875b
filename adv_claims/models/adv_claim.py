# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, email_normalize

from .holidays import reserve_deadline

CLAIM_STATE = [
    ("new", "New"),
    ("qualified", "Qualified"),
    ("waiting", "Awaiting information"),
    ("proposed", "Solution proposed"),
    ("resolved", "Resolved"),
    ("closed", "Closed"),
    ("rejected", "Rejected"),
]
CLOSED_STATES = ("resolved", "closed", "rejected")
# Which stage may follow which: anything else is refused on the server.
TRANSITIONS = {
    "new": {"qualified", "waiting", "rejected"},
    "qualified": {"waiting", "proposed", "resolved", "rejected"},
    "waiting": {"new", "qualified", "proposed", "rejected"},
    "proposed": {"qualified", "waiting", "resolved", "rejected"},
    "resolved": {"closed", "qualified"},
    "closed": set(),
    "rejected": {"new", "closed"},
}
# Stages that need a complete qualification (type, party, severity, decision and evidence).
QUALIFIED_STATES = ("qualified", "proposed", "resolved")
CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("portal", "Customer portal"),
    ("visit", "Visit"),
    ("letter", "Letter"),
    ("other", "Other"),
]
SEVERITIES = [
    ("low", "Low"),
    ("normal", "Normal"),
    ("high", "High"),
    ("critical", "Critical"),
]
RESPONSIBLE_PARTIES = [
    ("carrier", "Carrier"),
    ("warehouse", "Warehouse"),
    ("supplier", "Supplier"),
    ("sales", "Sales / ADV entry"),
    ("production", "Production"),
    ("customer", "Customer"),
]
JUSTIFIED = [("yes", "Justified"), ("no", "Not justified")]
# Default deadlines (days) when the type has no line for the severity.
DEFAULT_DEADLINES = {"low": (2, 30), "normal": (1, 15), "high": (1, 7), "critical": (0, 2)}


class AdvClaim(models.Model):
    _name = "adv.claim"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _description = "Customer claim"
    _order = "date_claim desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    # ------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    subject = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda s: s.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        check_company=True,
        domain="[('commercial_partner_id', '=', commercial_partner_id)]",
    )
    email_from = fields.Char(string="E-mail")
    channel = fields.Selection(selection=CHANNELS, default="phone", required=True)
    date_claim = fields.Datetime(
        string="Received on", required=True, default=fields.Datetime.now, index=True
    )
    date_ack = fields.Datetime(string="Acknowledged on", copy=False, tracking=True)
    date_resolved = fields.Datetime(string="Resolved on", copy=False)
    date_closed = fields.Datetime(string="Closed on", copy=False)
    description = fields.Html()
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Handler",
        default=lambda s: s.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    state = fields.Selection(
        selection=CLAIM_STATE,
        default="new",
        required=True,
        tracking=True,
        index=True,
        copy=False,
        group_expand="_group_expand_states",
    )
    # Qualification
    type_id = fields.Many2one(comodel_name="adv.claim.type", tracking=True, check_company=True)
    severity = fields.Selection(selection=SEVERITIES, default="normal", tracking=True)
    responsible_party = fields.Selection(
        selection=RESPONSIBLE_PARTIES,
        compute="_compute_responsible_party",
        store=True,
        readonly=False,
        tracking=True,
    )
    justified = fields.Selection(selection=JUSTIFIED, tracking=True)
    cause = fields.Text(help="What caused the problem, in the handler's words.")
    # Source documents
    sale_order_id = fields.Many2one(
        comodel_name="sale.order", string="Sale order", check_company=True, index="btree_not_null"
    )
    picking_id = fields.Many2one(
        comodel_name="stock.picking", string="Delivery", check_company=True, index="btree_not_null"
    )
    invoice_id = fields.Many2one(
        comodel_name="account.move", check_company=True, index="btree_not_null"
    )
    carrier_id = fields.Many2one(
        comodel_name="delivery.carrier",
        compute="_compute_carrier_id",
        store=True,
        readonly=False,
    )
    # Carrier reserve (C. com. L133-3)
    carrier_reserve = fields.Boolean(related="type_id.carrier_reserve")
    date_delivered = fields.Date(
        string="Delivered on", compute="_compute_date_delivered", store=True, readonly=False
    )
    date_reserve = fields.Date(
        string="Reserves sent on", help="Day the reserves were notified to the carrier."
    )
    reserve_deadline = fields.Date(compute="_compute_reserve", store=True)
    reserve_late = fields.Boolean(
        string="Late reserve",
        compute="_compute_reserve",
        store=True,
        help="The reserves reached the carrier after the three days of L133-3.",
    )
    # Deadlines
    ack_deadline = fields.Datetime(
        string="Acknowledge by", compute="_compute_deadlines", store=True
    )
    resolution_deadline = fields.Datetime(
        string="Resolve by", compute="_compute_deadlines", store=True, index=True
    )
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late")
    # Lines, evidence, remedies, stake
    line_ids = fields.One2many(
        comodel_name="adv.claim.line", inverse_name="claim_id", string="Claimed lines", copy=True
    )
    evidence_ids = fields.One2many(comodel_name="adv.claim.evidence", inverse_name="claim_id")
    qualification_todo = fields.Char(string="To qualify", compute="_compute_qualification_todo")
    missing_evidence_ids = fields.Many2many(
        comodel_name="adv.claim.evidence.kind",
        string="Missing evidence",
        compute="_compute_missing_evidence_ids",
    )
    remedy_ids = fields.One2many(
        comodel_name="adv.claim.remedy", inverse_name="claim_id", string="Remedies"
    )
    amount_claimed = fields.Monetary(string="Claimed value", compute="_compute_amounts", store=True)
    amount_remedy = fields.Monetary(string="Remedy cost", compute="_compute_amounts", store=True)
    amount_stake = fields.Monetary(
        string="Stake",
        compute="_compute_amounts",
        store=True,
        help="Value of the claimed lines plus the cost of the remedies.",
    )
    escalated = fields.Boolean(copy=False, tracking=True)
    escalation_reason = fields.Char(copy=False)
    resolution_days = fields.Float(
        string="Days to resolve", compute="_compute_resolution_days", store=True, aggregator="avg"
    )
    claim_count = fields.Integer(default=1, string="Claims", help="For the pivot: 1 per claim.")
    color = fields.Integer(compute="_compute_color")

    # ------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------

    @api.model
    def _group_expand_states(self, states, domain):
        return [key for key, __ in CLAIM_STATE]

    @api.depends("type_id")
    def _compute_responsible_party(self):
        for claim in self:
            if not claim.responsible_party and claim.type_id.default_responsible_party:
                claim.responsible_party = claim.type_id.default_responsible_party

    @api.depends("picking_id")
    def _compute_carrier_id(self):
        for claim in self:
            if claim.picking_id.carrier_id:
                claim.carrier_id = claim.picking_id.carrier_id

    @api.depends("picking_id.date_done")
    def _compute_date_delivered(self):
        for claim in self:
            if claim.picking_id.date_done:
                claim.date_delivered = claim.picking_id.date_done.date()

    @api.depends("date_delivered", "date_reserve", "type_id.carrier_reserve")
    def _compute_reserve(self):
        for claim in self:
            deadline = (
                reserve_deadline(claim.date_delivered)
                if claim.date_delivered and claim.type_id.carrier_reserve
                else False
            )
            claim.reserve_deadline = deadline
            claim.reserve_late = bool(
                deadline and claim.date_reserve and claim.date_reserve > deadline
            )

    @api.depends("date_claim", "type_id", "severity")
    def _compute_deadlines(self):
        table = self.env["adv.claim.type"]._deadline_table(self.type_id.ids)
        for claim in self:
            severity = claim.severity or "normal"
            ack, resolution = table.get((claim.type_id.id, severity), DEFAULT_DEADLINES[severity])
            start = claim.date_claim or fields.Datetime.now()
            claim.ack_deadline = start + datetime.timedelta(days=ack or 0.5)
            claim.resolution_deadline = start + datetime.timedelta(days=resolution)

    @api.depends("state", "ack_deadline", "resolution_deadline", "date_ack")
    def _compute_is_late(self):
        now = fields.Datetime.now()
        for claim in self:
            claim.is_late = claim._adv_is_open() and bool(
                (not claim.date_ack and claim.ack_deadline and claim.ack_deadline < now)
                or (claim.resolution_deadline and claim.resolution_deadline < now)
            )

    def _search_is_late(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on late claims."))
        now = fields.Datetime.now()
        late = [
            "&",
            ("state", "not in", CLOSED_STATES),
            "|",
            ("resolution_deadline", "<", now),
            "&",
            ("date_ack", "=", False),
            ("ack_deadline", "<", now),
        ]
        # Deadlines are always set (computed from the receipt date): negation is exact.
        return late if (operator == "=") == value else ["!", *late]

    @api.depends("type_id.required_evidence_ids", "evidence_ids.kind_id")
    def _compute_missing_evidence_ids(self):
        for claim in self:
            claim.missing_evidence_ids = (
                claim.type_id.required_evidence_ids - claim.evidence_ids.kind_id
            )

    @api.depends(
        "type_id",
        "responsible_party",
        "severity",
        "justified",
        "line_ids",
        "evidence_ids",
        "date_delivered",
        "date_reserve",
    )
    def _compute_qualification_todo(self):
        for claim in self:
            claim.qualification_todo = ", ".join(claim._get_qualification_errors())

    @api.depends("line_ids.amount", "remedy_ids.cost", "remedy_ids.state")
    def _compute_amounts(self):
        for claim in self:
            claimed = sum(claim.line_ids.mapped("amount"))
            remedy = sum(claim.remedy_ids.filtered(lambda r: r.state != "cancel").mapped("cost"))
            claim.amount_claimed = claimed
            claim.amount_remedy = remedy
            claim.amount_stake = claimed + remedy

    @api.depends("date_claim", "date_resolved")
    def _compute_resolution_days(self):
        for claim in self:
            if claim.date_resolved and claim.date_claim:
                delta = claim.date_resolved - claim.date_claim
                claim.resolution_days = round(delta.total_seconds() / 86400, 2)
            else:
                claim.resolution_days = 0.0

    @api.depends("is_late", "escalated")
    def _compute_color(self):
        for claim in self:
            claim.color = 1 if claim.is_late else (2 if claim.escalated else 0)

    # ------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------

    @api.constrains("contact_id", "partner_id")
    def _check_contact(self):
        for claim in self:
            if (
                claim.contact_id
                and claim.contact_id.commercial_partner_id != claim.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "The contact %(contact)s does not belong to the customer %(customer)s.",
                        contact=claim.contact_id.display_name,
                        customer=claim.partner_id.display_name,
                    )
                )

    @api.constrains("sale_order_id", "picking_id", "invoice_id", "partner_id")
    def _check_documents_customer(self):
        for claim in self:
            customer = claim.commercial_partner_id
            for document in (claim.sale_order_id, claim.picking_id, claim.invoice_id):
                if document and document.partner_id.commercial_partner_id != customer:
                    raise ValidationError(
                        self.env._(
                            "%(document)s is not a document of the customer %(customer)s.",
                            document=document.display_name,
                            customer=customer.display_name,
                        )
                    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                company = self.env["res.company"].browse(vals.get("company_id"))
                vals["name"] = (
                    self.env["ir.sequence"]
                    .with_company(company or self.env.company)
                    .next_by_code("adv.claim")
                    or "/"
                )
            # The customer of a claim made from a document is the document's company, not
            # the contact who placed it (nor a context default, which still wins when given).
            for field in ("sale_order_id", "picking_id", "invoice_id"):
                if (
                    vals.get(field)
                    and not vals.get("partner_id")
                    and not self.env.context.get("default_partner_id")
                ):
                    document = self.env[self._fields[field].comodel_name].browse(vals[field])
                    vals["partner_id"] = document.partner_id.commercial_partner_id.id
                    if document.partner_id != document.partner_id.commercial_partner_id:
                        vals.setdefault("contact_id", document.partner_id.id)
            if vals.get("state", "new") != "new":
                raise UserError(self.env._("A claim starts as New."))
        claims = super().create(vals_list)
        claims._schedule_acknowledgement()
        claims._adv_check_escalation()
        return claims

    def write(self, vals):
        if "state" in vals:
            self._check_transition(vals["state"])
            now = fields.Datetime.now()
            if vals["state"] == "resolved":
                vals.setdefault("date_resolved", now)
            elif vals["state"] == "closed":
                vals.setdefault("date_closed", now)
        result = super().write(vals)
        if "state" in vals:
            if vals["state"] in QUALIFIED_STATES:
                self._check_qualification()
            self._on_state_change(vals["state"])
        if {"type_id", "severity", "date_claim"} & set(vals):
            self._reschedule_deadlines()
        if {"severity", "user_id", "state", "line_ids", "remedy_ids"} & set(vals):
            self._adv_check_escalation()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new(self):
        if any(claim.state != "new" or claim.remedy_ids for claim in self):
            raise UserError(
                self.env._("Only new claims without remedy can be deleted; reject the others.")
            )

    # ------------------------------------------------------------
    # Mail gateway and portal
    # ------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A claim from an e-mail: the sender's customer, the subject and the body."""
        email = email_normalize(msg_dict.get("email_from") or "")
        values = dict(custom_values or {})
        partner = self.env["res.partner"]
        if email:
            partner = partner.search([("email_normalized", "=", email)], limit=1)
        values.setdefault("subject", msg_dict.get("subject") or self.env._("Claim by e-mail"))
        values.setdefault("email_from", msg_dict.get("email_from"))
        values.setdefault("channel", "email")
        values.setdefault("description", msg_dict.get("body"))
        if partner:
            values.setdefault("partner_id", partner.commercial_partner_id.id)
            values.setdefault("contact_id", partner.id)
        else:
            # Unknown sender: a contact to complete, not a lost e-mail.
            name = msg_dict.get("email_from") or email or "?"
            values.setdefault("partner_id", partner.create({"name": name, "email": email}).id)
        return super().message_new(msg_dict, custom_values=values)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for claim in self:
            claim.access_url = f"/my/claims/{claim.id}"
        return result

    def _message_get_suggested_recipients(self):
        recipients = super()._message_get_suggested_recipients()
        for claim in self:
            if claim.contact_id or claim.partner_id:
                claim._message_add_suggested_recipient(
                    recipients,
                    partner=claim.contact_id or claim.partner_id,
                    reason=self.env._("Customer"),
                )
        return recipients

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_acknowledge(self):
        """Send the acknowledgement (in the customer's language) and stop its clock."""
        template = self.env.ref("adv_claims.mail_template_claim_ack")
        for claim in self.filtered(lambda c: not c.date_ack):
            claim.message_post_with_source(
                template, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.filtered(lambda c: not c.date_ack).write({"date_ack": fields.Datetime.now()})
        self.activity_feedback(["adv_claims.mail_activity_claim_ack"])
        return True

    def action_qualify(self):
        return self._set_state("qualified")

    def action_wait(self):
        return self._set_state("waiting")

    def action_propose(self):
        return self._set_state("proposed")

    def action_resolve(self):
        return self._set_state("resolved")

    def action_close(self):
        return self._set_state("closed")

    def action_reject(self):
        return self._set_state("rejected")

    def action_reopen(self):
        for claim in self:
            claim._set_state("new" if claim.state == "rejected" else "qualified")
        return True

    def _set_state(self, state):
        self.write({"state": state})
        return True

    def action_suggest_lines(self):
        """Claimed lines from the source document, else from the customer's recent documents."""
        self.ensure_one()
        if self.state in CLOSED_STATES:
            raise UserError(self.env._("This claim is finished: its lines can no longer change."))
        values = self._get_suggested_line_values()
        if not values:
            raise UserError(
                self.env._(
                    "No delivered or invoiced goods found for %(customer)s.",
                    customer=self.partner_id.display_name,
                )
            )
        self.line_ids = [fields.Command.create(v) for v in values]
        return True

    def action_propose_credit_note(self):
        """Propose a credit note on the claimed invoice lines and open it to carry it out."""
        return self._propose_remedy("credit_note")

    def _propose_remedy(self, remedy_type):
        self.ensure_one()
        remedy = self.env["adv.claim.remedy"].create(
            {"claim_id": self.id, "remedy_type": remedy_type}
        )
        if self.state in ("qualified", "waiting"):
            self.action_propose()
        return {
            "type": "ir.actions.act_window",
            "res_model": remedy._name,
            "res_id": remedy.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_send_answer(self):
        """The answer e-mail (the proposed remedies), in the customer's language."""
        self.ensure_one()
        template = self.env.ref("adv_claims.mail_template_claim_answer")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
            },
        }

    def action_view_documents(self):
        """The native documents the remedies created (credit notes, returns, orders...)."""
        self.ensure_one()
        return self.remedy_ids.action_open_document()

    # ------------------------------------------------------------
    # Business
    # ------------------------------------------------------------

    def _adv_is_open(self):
        """True while the claim is being handled (not resolved, closed or rejected)."""
        self.ensure_one()
        return self.state not in CLOSED_STATES

    def _check_transition(self, new_state):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for claim in self:
            if claim.state != new_state and new_state not in TRANSITIONS[claim.state]:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot go from %(old)s to %(new)s.",
                        claim=claim.name,
                        old=labels[claim.state],
                        new=labels[new_state],
                    )
                )

    def _get_qualification_errors(self):
        """What stops this claim from being qualified, as sentences (empty: complete)."""
        self.ensure_one()
        errors = []
        if not self.type_id:
            errors.append(self.env._("the claim type"))
        if not self.responsible_party:
            errors.append(self.env._("the responsible party"))
        if not self.severity:
            errors.append(self.env._("the severity"))
        if not self.justified:
            errors.append(self.env._("whether it is justified"))
        if not self.line_ids and self.type_id.requires_lines:
            errors.append(self.env._("the claimed lines"))
        errors.extend(
            self.env._("evidence: %(kind)s", kind=kind.name) for kind in self.missing_evidence_ids
        )
        if self.type_id.carrier_reserve and not (self.date_delivered and self.date_reserve):
            errors.append(self.env._("the delivery date and the date reserves were sent"))
        return errors

    def _check_qualification(self):
        for claim in self:
            errors = claim._get_qualification_errors()
            if errors:
                raise UserError(
                    self.env._(
                        "Claim %(claim)s cannot be qualified; missing: %(missing)s.",
                        claim=claim.name,
                        missing=", ".join(errors),
                    )
                )

    def _on_state_change(self, state):
        if state == "qualified":
            self._schedule_resolution()
        if state in CLOSED_STATES:
            self.activity_feedback(
                ["adv_claims.mail_activity_claim_ack", "adv_claims.mail_activity_claim_resolution"]
            )

    def _schedule_acknowledgement(self):
        for claim in self:
            if claim.user_id and not claim.date_ack:
                claim.activity_schedule(
                    "adv_claims.mail_activity_claim_ack",
                    date_deadline=fields.Date.context_today(claim, claim.ack_deadline),
                    user_id=claim.user_id.id,
                )

    def _reschedule_deadlines(self):
        """Move the open acknowledgement / resolution activities to the new deadlines."""
        ack = self.env.ref("adv_claims.mail_activity_claim_ack")
        resolution = self.env.ref("adv_claims.mail_activity_claim_resolution")
        for claim in self:
            for activity in claim.activity_ids:
                if activity.activity_type_id == ack:
                    deadline = claim.ack_deadline
                elif activity.activity_type_id == resolution:
                    deadline = claim.resolution_deadline
                else:
                    continue
                activity.date_deadline = fields.Date.context_today(claim, deadline)

    def _schedule_resolution(self):
        xmlid = "adv_claims.mail_activity_claim_resolution"
        activity_type = self.env.ref(xmlid)
        for claim in self:
            if claim.user_id and activity_type not in claim.activity_ids.activity_type_id:
                claim.activity_schedule(
                    xmlid,
                    date_deadline=fields.Date.context_today(claim, claim.resolution_deadline),
                    user_id=claim.user_id.id,
                )

    def _get_escalation_reason(self):
        """Why this claim must go to sales management, or False."""
        self.ensure_one()
        if self.severity == "critical":
            return self.env._("critical severity")
        delegation = self.env["adv.claim.delegation"]
        if self.user_id and not delegation._covers(
            self.user_id, self.company_id, self.amount_stake
        ):
            return self.env._(
                "stake %(stake)s above the handler's delegation",
                stake=self.currency_id.format(self.amount_stake),
            )
        return False

    def _get_escalation_users(self):
        """Sales management of the claim's company: the sales managers."""
        self.ensure_one()
        managers = self.env.ref("sales_team.group_sale_manager").sudo().users
        return managers.filtered(
            lambda u: (
                not u.share
                and u.active
                and self.company_id in u.company_ids
                and u != self.user_id
                and u.id != 1
            )
        )

    def _adv_check_escalation(self):
        """Escalate once, with an activity and a message to sales management."""
        for claim in self.filtered(lambda c: not c.escalated and c._adv_is_open()):
            reason = claim._get_escalation_reason()
            if not reason:
                continue
            managers = claim._get_escalation_users()
            claim.sudo().write({"escalated": True, "escalation_reason": reason})
            claim.message_post(
                body=self.env._("Claim escalated to sales management: %(reason)s.", reason=reason),
                partner_ids=managers.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
            )
            for manager in managers:
                claim.activity_schedule(
                    "adv_claims.mail_activity_claim_escalation",
                    user_id=manager.id,
                    note=reason,
                )

    def _adv_day_stake(self):
        return {claim.id: claim.amount_stake for claim in self}

    def _get_suggested_line_values(self):
        """Values of claimed lines for the claim's document, else the customer's last 90 days:
        invoice lines first, then delivered moves not yet invoiced. Two queries in all."""
        self.ensure_one()
        customer = self.commercial_partner_id
        since = fields.Datetime.now() - datetime.timedelta(days=90)
        aml_domain = [
            ("move_id.move_type", "=", "out_invoice"),
            ("move_id.state", "=", "posted"),
            ("display_type", "=", "product"),
            ("product_id", "!=", False),
            ("company_id", "=", self.company_id.id),
        ]
        move_domain = [
            ("state", "=", "done"),
            ("picking_code", "=", "outgoing"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.invoice_id:
            aml_domain.append(("move_id", "=", self.invoice_id.id))
            move_domain = None
        elif self.picking_id:
            move_domain.append(("picking_id", "=", self.picking_id.id))
            aml_domain = None
        elif self.sale_order_id:
            aml_domain.append(("sale_line_ids.order_id", "=", self.sale_order_id.id))
            move_domain.append(("sale_line_id.order_id", "=", self.sale_order_id.id))
        else:
            aml_domain += [
                ("move_id.commercial_partner_id", "=", customer.id),
                ("move_id.invoice_date", ">=", since.date()),
            ]
            move_domain += [
                ("partner_id.commercial_partner_id", "=", customer.id),
                ("date", ">=", since),
            ]
        values = []
        invoiced_sale_lines = set()
        if aml_domain is not None:
            amls = self.env["account.move.line"].search(aml_domain, order="date desc", limit=40)
            for aml in amls:
                values.append(
                    {
                        "invoice_line_id": aml.id,
                        "sale_line_id": aml.sale_line_ids[:1].id,
                        "product_id": aml.product_id.id,
                        "quantity": aml.quantity,
                    }
                )
                invoiced_sale_lines.update(aml.sale_line_ids.ids)
        if move_domain is not None:
            moves = self.env["stock.move"].search(move_domain, order="date desc", limit=40)
            for move in moves:
                if move.sale_line_id.id in invoiced_sale_lines and not self.picking_id:
                    continue
                values.append(
                    {
                        "move_id": move.id,
                        "sale_line_id": move.sale_line_id.id,
                        "product_id": move.product_id.id,
                        "quantity": move.quantity,
                    }
                )
        return values

    @api.model
    def _adv_pareto(self, groupby, domain=None, measure="amount_stake"):
        """Pareto of the claims by ``groupby`` (e.g. ``type_id``, ``responsible_party``,
        ``carrier_id``, ``commercial_partner_id``): one grouped query.

        Returns rows ``(group, value, count, cumulative %, in the first 80 %)``, largest first;
        a group is in the 80 % when the cumulative share *before* it is below 80 %.
        """
        groups = self._read_group(
            domain or [], [groupby], [f"{measure}:sum", "__count"], order=f"{measure}:sum desc"
        )
        total = sum(value or 0.0 for __, value, __ in groups) or 1.0
        rows, cumulative = [], 0.0
        for group, value, count in groups:
            before = cumulative
            cumulative += (value or 0.0) * 100.0 / total
            rows.append((group, value or 0.0, count, round(cumulative, 2), before < 80.0))
        return rows

    @api.model
    def _adv_claim_counts(self, field, ids):
        """``{document id: claim count}`` for smart buttons, one grouped query."""
        groups = self.sudo()._read_group([(field, "in", ids)], [field], ["__count"])
        return {record.id: count for record, count in groups}

    @api.model
    def _adv_claim_rate_data(self, partner_ids, since):
        """``{commercial partner id: delivered order lines since}`` in one SQL query."""
        query = SQL(
            """
            SELECT p.commercial_partner_id, COUNT(DISTINCT sol.id)
              FROM sale_order_line sol
              JOIN sale_order so ON so.id = sol.order_id
              JOIN res_partner p ON p.id = so.partner_id
             WHERE p.commercial_partner_id = ANY(%(partners)s)
               AND sol.qty_delivered > 0
               AND so.date_order >= %(since)s
          GROUP BY p.commercial_partner_id
            """,
            partners=list(partner_ids),
            since=since,
        )
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())
