# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# What identifies a person on a contact created from a show lead.
PARTNER_PERSONAL_FIELDS = {
    "email",
    "phone",
    "mobile",
    "function",
    "title",
    "website",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "comment",
    "vat",
    "ref",
    "image_1920",
}


class AdvTradeShowCapture(models.Model):
    """Retention: a visitor's data is kept for the show's retention after the last contact
    with them, unless a business relation exists; then it is anonymised (also on request)."""

    _inherit = "adv.trade.show.capture"  # pylint: disable=consider-merging-classes-inherited

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

    @api.depends("capture_date", "last_contact_date", "show_id.retention_months")
    def _compute_retention_date(self):
        for capture in self:
            months = capture.show_id.retention_months or 36
            last = capture.last_contact_date or (
                capture.capture_date and capture.capture_date.date()
            )
            capture.retention_date = last and last + relativedelta(months=months)

    def _anonymise(self):
        """Clear what identifies the visitor: on the captures, on their leads that did not go
        on (see :meth:`_retention_keep_domain`), on the contacts created from those leads that
        no business relation keeps (:meth:`_anonymisable_partners`), on their consent evidence
        (what was consented, when and under which notice stays), and in the history of all of
        them (messages, tracking values, attachments, activities). Nothing is tracked: the old
        values would be written back into the history."""
        label = self.env._("Anonymised visitor")
        captures = self.sudo().with_context(tracking_disable=True, mail_notrack=True)
        kept = (
            self.env["crm.lead"]
            .sudo()
            .with_context(active_test=False)
            .search([("id", "in", self.lead_id.ids)] + self._retention_keep_domain())
        )
        leads = captures.lead_id - kept
        partners = captures._anonymisable_partners(leads)
        captures._anonymise_leads(leads, label)
        captures._anonymise_partners(partners, label)
        captures.consent_ids._write_anonymised()
        captures.write(
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
                "created_partner_ids": [Command.clear()],
                "state": "anonymised",
            }
        )
        for model, records in (
            (self._name, captures),
            ("crm.lead", leads),
            ("res.partner", partners),
        ):
            self._purge_history(model, records.ids)

    def _anonymise_leads(self, leads, label):
        """Clear the visitor's data on ``leads`` (sudo, untracked); each keeps its show."""
        for show, group in leads.grouped("adv_show_id").items():
            group.write(
                {
                    "name": self.env._("%(show)s: %(visitor)s", show=show.name, visitor=label)
                    if show
                    else label,
                    "contact_name": label,
                    "partner_name": False,
                    "email_from": False,
                    "email_cc": False,
                    "phone": False,
                    "mobile": False,
                    "function": False,
                    "website": False,
                    "street": False,
                    "street2": False,
                    "zip": False,
                    "city": False,
                    "description": False,
                    "partner_id": False,
                }
            )

    def _anonymise_partners(self, partners, label):
        """Clear and archive the contacts created from the visitor's leads (sudo, untracked)."""
        if not partners:
            return
        personal = dict.fromkeys(PARTNER_PERSONAL_FIELDS & set(partners._fields), False)
        partners.write(dict(personal, name=label, active=False))

    def _anonymisable_partners(self, leads):
        """The contacts created from these captures' leads (``created_partner_ids``) that
        nothing else keeps: no confirmed order nor accounting document on their commercial
        entity, no other lead or opportunity than ``leads`` (being anonymised), no other
        capture still holding them, no user, no other contact under them."""
        candidates = self.sudo().created_partner_ids.with_context(active_test=False)
        if not candidates:
            return candidates
        ids = candidates.ids
        env = self.env(su=True, context=dict(self.env.context, active_test=False))
        held = [
            ("crm.lead", [("id", "not in", leads.ids)], "partner_id"),
            (self._name, [("id", "not in", self.ids), ("state", "!=", "anonymised")], "partner_id"),
            ("res.users", [], "partner_id"),
            ("res.partner", [("id", "not in", ids)], "parent_id"),
        ]
        keep = set()
        for model, domain, fname in held:
            groups = env[model]._read_group(domain + [(fname, "in", ids)], [fname])
            keep.update(partner.id for (partner,) in groups)
        documents = self._retention_documents_partners()
        if documents is not None:
            keep.update(candidates.search([("id", "in", ids), ("id", "in", documents)]).ids)
        return candidates.filtered(lambda p: p.id not in keep)

    def _purge_history(self, model, ids):
        """Delete the history of ``model`` records ``ids`` (mail threads): messages (their
        tracking values, notifications and outgoing mails go with them), attachments and
        activities, and the tracking still pending in this transaction."""
        if not ids:
            return
        env = self.env(su=True)
        env[model].browse(ids)._track_discard()  # no pending tracking of the old values
        env["mail.message"].search([("model", "=", model), ("res_id", "in", ids)]).unlink()
        env["mail.activity"].search([("res_model", "=", model), ("res_id", "in", ids)]).unlink()
        env["ir.attachment"].search([("res_model", "=", model), ("res_id", "in", ids)]).unlink()

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
