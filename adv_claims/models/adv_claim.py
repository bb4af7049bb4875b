# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The customer claim: its data, its stages and their rules.

The other jobs of the model have their own files: the deadlines and the carrier reserve
(``adv_claim_deadline.py``), how a claim comes in (``adv_claim_channel.py``; an e-mail from an
unknown sender waits in ``adv_claim_intake.py``), the escalation to
sales management (``adv_claim_escalation.py``), the suggested lines
(``adv_claim_suggestion.py``), what a qualified claim needs (``adv_claim_qualification.py``)
and the analysis (``adv_claim_analysis.py``).
"""

from functools import partial

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.adv_base.tools.notification import notify

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
# The customer documents a claim is about (see ``_adv_documents_changed``).
DOCUMENT_FIELDS = ("sale_order_id", "picking_id", "invoice_id")

# A customer document (order, delivery, invoice, or one of their lines) a claim is about.
source_document = partial(fields.Many2one, check_company=True, index="btree_not_null")
# The claim's values, computed together from its lines and remedies.
_claim_amount = partial(fields.Monetary, compute="_compute_amounts", store=True)


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
    sale_order_id = source_document(comodel_name="sale.order", string="Sale order")
    picking_id = source_document(comodel_name="stock.picking", string="Delivery")
    invoice_id = source_document(comodel_name="account.move")
    carrier_id = fields.Many2one(
        comodel_name="delivery.carrier",
        compute="_compute_carrier_id",
        store=True,
        readonly=False,
    )
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
    amount_claimed = _claim_amount(string="Claimed value")
    amount_remedy = _claim_amount(string="Remedy cost")
    amount_stake = _claim_amount(
        string="Stake", help="Value of the claimed lines plus the cost of the remedies."
    )
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

    @api.constrains(*DOCUMENT_FIELDS, "partner_id")
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
                vals["name"] = self._next_reference(vals.get("company_id"))
            self._prepare_customer_from_document(vals)
            if vals.get("state", "new") != "new":
                raise UserError(self.env._("A claim starts as New."))
        claims = super().create(vals_list)
        claims._schedule_acknowledgement()
        claims._adv_escalate_if_needed()
        claims._adv_documents_changed()
        return claims

    def write(self, vals):
        # A rejected claim's lines count again once it is reopened: the quantity rule re-runs.
        reopened = self.browse()
        if "state" in vals:
            self._check_transition(vals["state"])
            if vals["state"] == "new":
                reopened = self.filtered(lambda c: c.state == "rejected")
            now = fields.Datetime.now()
            if vals["state"] == "resolved":
                vals.setdefault("date_resolved", now)
            elif vals["state"] == "closed":
                vals.setdefault("date_closed", now)
        result = super().write(vals)
        if "state" in vals:
            reopened.line_ids._check_quantity()
            if vals["state"] in QUALIFIED_STATES:
                self._check_qualification()
            self._on_state_change(vals["state"])
        if {"type_id", "severity", "date_claim"} & set(vals):
            self._reschedule_deadlines()
        if {"severity", "user_id", "state", "line_ids", "remedy_ids"} & set(vals):
            self._adv_escalate_if_needed()
        if set(DOCUMENT_FIELDS) & set(vals):
            self._adv_documents_changed()
        return result

    def _adv_documents_changed(self):
        """Hook: the customer documents (``DOCUMENT_FIELDS``: sale order, delivery, invoice) of
        the claims in ``self`` were just set or changed.

        Called once per ``create`` (all the new claims, documents or not) and once per ``write``
        that names one of those fields (all the written claims), after the ORM's and the claim's
        own work; ``self`` has the caller's environment. Does nothing here; glue addons extend
        it set-based, e.g. supply follow-up links the supply delays behind the claims' orders.
        """
        return

    @api.model
    def _next_reference(self, company_id):
        company = self.env["res.company"].browse(company_id) or self.env.company
        return self.env["ir.sequence"].with_company(company).next_by_code("adv.claim") or "/"

    @api.ondelete(at_uninstall=False)
    def _unlink_only_new(self):
        if any(claim.state != "new" or claim.remedy_ids for claim in self):
            raise UserError(
                self.env._("Only new claims without remedy can be deleted; reject the others.")
            )

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
        return notify(
            self.env,
            self.env._(
                "Acknowledgement sent to %(customer)s: its deadline is met.",
                customer=", ".join(self.partner_id.mapped("display_name")),
            ),
        )

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
            claim.write({"state": "new" if claim.state == "rejected" else "qualified"})
        return self._state_notification()

    def _set_state(self, state):
        self.write({"state": state})
        return self._state_notification()

    def _state_notification(self):
        """The notification saying where the claims now stand, and what comes next."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        next_steps = {
            "new": self.env._("qualify it when its data and evidence are complete."),
            "qualified": self.env._("propose a remedy, or ask the customer for information."),
            "waiting": self.env._("qualify it again when the customer has answered."),
            "proposed": self.env._("send the answer to the customer, then resolve it."),
            "resolved": self.env._("close it once the customer agrees."),
            "closed": self.env._("nothing more to do."),
            "rejected": self.env._("send the customer the reasons; it can be reopened."),
        }
        return notify(
            self.env,
            self.env._(
                "%(claims)s: %(state)s. Next: %(next)s",
                claims=", ".join(self.mapped("name")),
                state=labels[self[:1].state],
                next=next_steps[self[:1].state],
            ),
        )

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
        return remedy._get_records_action(view_mode="form", context={})

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

    def _on_state_change(self, state):
        if state == "qualified":
            self._schedule_resolution()
        if state in CLOSED_STATES:
            self.activity_feedback(
                ["adv_claims.mail_activity_claim_ack", "adv_claims.mail_activity_claim_resolution"]
            )

    def _adv_day_stake(self):
        return {claim.id: claim.amount_stake for claim in self}
