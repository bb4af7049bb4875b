# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily chases' e-mails, queued in one go per batch: what Odoo's mass mail composer would
queue, rendered the same way; and the customer impact a late receipt's chase is created with."""

from datetime import timedelta

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import html_sanitize

from ..tools.mail_body import compile_body, render_body
from .common import TODAY, SupplyCommon, day

# What a queued chase e-mail holds, compared with the composer's.
MAIL_FIELDS = (
    "subject",
    "email_from",
    "reply_to",
    "recipient_ids",
    "headers",
    "message_type",
    "is_notification",
    "auto_delete",
    "author_id",
    "mail_server_id",
    "record_company_id",
    "record_alias_domain_id",
    "subtype_id",
    "state",
    "model",
)


@tagged("post_install", "-at_install")
class TestChaseMail(SupplyCommon):
    def late_receipts(self, count=2):
        """``count`` late receipts (orders of this vendor, acknowledged), chased today."""
        with freeze_time(TODAY - timedelta(days=10)):
            orders = self.env["purchase.order"].concat(
                *(self.make_purchase(date_planned=day(-2)) for __ in range(count))
            )
        orders.mail_reception_confirmed = True
        with freeze_time(TODAY):
            chases = self.Chase._generate()
        return chases.filtered(lambda c: c.kind == "late_receipt")

    def mails(self, chases):
        return self.env["mail.mail"].search(
            [("model", "=", chases._name), ("res_id", "in", chases.ids)], order="res_id"
        )

    def test_body_parsed_once_as_odoo_renders_it(self):
        """The plain-path body, parsed once and filled per chase, is what Odoo renders for each
        chase; a value is escaped, an element keeps its tag and its default text."""
        chases = self.late_receipts()
        template = self.env.ref("adv_supply_followup.mail_template_chase_late")
        self.assertEqual(
            chases._render_mail_bodies(template),
            template._render_field("body_html", chases.ids),
        )
        parts = compile_body('<p>Hi <t t-out="object.name"/>, <b t-out="object.note">none</b></p>')
        self.assertEqual(
            render_body(parts, {"name": "<A&B>", "note": False}),
            "<p>Hi &lt;A&amp;B&gt;, <b>none</b></p>",
        )

    def test_queued_mails_are_the_composers(self):
        """The e-mails queued for a batch carry what Odoo's mass mail composer queues for the
        same chases: recipients (the buyer in copy as a partner), sender, reply-to, headers,
        chatter log; the same body once sanitised (the composer renders its own copy)."""
        self.env["res.lang"]._activate_lang("fr_FR")
        chases = self.late_receipts()
        chases[0].partner_id = self.vendor.copy({"lang": "fr_FR", "email": "fr@example.com"})
        template = self.env.ref("adv_supply_followup.mail_template_chase_late")
        self.mails(chases).unlink()
        ours = chases._queue_mails(template).sorted("res_id")
        odoo = self.env["mail.mail"]
        for chase in chases:  # one composer per language, as the chases used to be mailed
            composer = (
                self.env["mail.compose.message"]
                .with_context(lang=chase.partner_id.lang)
                .create(
                    {
                        "composition_mode": "mass_mail",
                        "model": chases._name,
                        "res_ids": chase.ids,
                        "template_id": template.id,
                        "auto_delete": False,
                        "auto_delete_keep_log": True,
                        "force_send": False,
                    }
                )
            )
            odoo |= composer._action_send_mail()[0]
        odoo = odoo.sorted("res_id")
        self.assertEqual(len(ours), 2)
        self.assertEqual(ours.mapped("res_id"), chases.sorted("id").ids)
        for mine, theirs in zip(ours, odoo, strict=True):
            for field in MAIL_FIELDS:
                self.assertEqual(mine[field], theirs[field], field)
            self.assertEqual(mine.mail_message_id.body, theirs.mail_message_id.body)
            self.assertEqual(
                html_sanitize(mine.body_html, sanitize_style=True),
                html_sanitize(theirs.body_html, sanitize_style=True),
            )
            self.assertIn(mine.mail_message_id, chases.message_ids)
        self.assertIn("est en retard", ours.filtered(lambda m: m.res_id == chases[0].id).subject)
        self.assertEqual(ours.recipient_ids, chases.partner_id | self.buyer.partner_id)

    def test_copy_address_becomes_one_partner(self):
        """An address in copy with no contact yet becomes one contact for the whole batch."""
        template = self.env.ref("adv_supply_followup.mail_template_chase_late")
        template.email_cc = "supply.desk@example.com"
        chases = self.late_receipts(3)
        desk = self.env["res.partner"].search([("email", "=", "supply.desk@example.com")])
        self.assertEqual(len(desk), 1)
        for mail in self.mails(chases):
            self.assertEqual(mail.recipient_ids, self.vendor | desk)

    def test_template_with_code_still_rendered_by_odoo(self):
        """A template edited with an expression beyond plain field paths is rendered by Odoo's
        composer (QWeb), still one e-mail per chase."""
        template = self.env.ref("adv_supply_followup.mail_template_chase_late")
        template.body_html = '<p>Dear <t t-out="object.partner_id.name.upper()"/></p>'
        chases = self.late_receipts()
        mails = self.mails(chases)
        self.assertEqual(len(mails), 2)
        self.assertIn("Dear LATE VENDOR SA", mails[0].body_html)
        self.assertEqual(mails.recipient_ids, self.vendor | self.buyer.partner_id)

    def test_late_receipt_chase_created_with_its_impact(self):
        """A late receipt's chase is created with the customer orders it puts at risk: its
        totals are stored at once, and its activity's stake (My Day) is their value."""
        with freeze_time(TODAY - timedelta(days=10)):
            order = self.make_purchase(qty=100, date_planned=day(-2))
            sale = self.make_sale(30, day(0), price=50.0)  # due before tomorrow
        order.mail_reception_confirmed = True
        with freeze_time(TODAY):
            chase = self.Chase._generate()
        self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(chase.impact_ids.sale_order_id, sale)
        self.assertEqual((chase.impact_amount, chase.impact_count), (1500.0, 1))
        self.assertEqual(chase.impact_ids.currency_id, chase.company_id.currency_id)
        self.assertEqual(chase.escalation, chase.level_id.escalation)
        self.assertEqual(chase.activity_ids.adv_stake, 1500.0)
