# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A run that records levels without sending anything to the customers (the take-over of the
levels a former system reached) is an ADV administrator's decision, a field of the run: a
collector cannot make one, whatever they send, and no context key skips the documents. Proven
as a remote caller would try it, in a real HTTP session calling ``/web/dataset/call_kw``."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.adv_base.tests.common import RpcMixin, new_web_user

from .common import DunningCommon

REFUSED = "Only an ADV administrator can make a dunning run record levels"
RUN = "adv.dunning.run"


@tagged("post_install", "-at_install")
class TestTakeOverOverRpc(RpcMixin, DunningCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for login, name, groups in (
            ("dun_take_coll", "Cora Collector", "adv_dunning.group_collector"),
            ("dun_take_admin", "Ada Admin", "adv_dunning.group_collector,adv_base.group_manager"),
        ):
            new_web_user(
                cls.env,
                login,
                name,
                groups,
                company_id=cls.company.id,
                company_ids=[Command.set(cls.company.ids)],
            )
        cls.customer.email = "compta@martin-materiaux.example"
        cls.company.email = "adv@example.com"
        # 16 days overdue today: the second reminder (an e-mail with the invoice, and a letter)
        today = fields.Date.today()
        cls.inv = cls.invoice(1000.0, today - timedelta(days=16), date=today - timedelta(days=46))

    def run_of(self, run_id):
        self.env.invalidate_all()
        return self.env[RUN].sudo().browse(run_id)

    def notice_of(self, run_id):
        notices = self.run_of(run_id).notice_ids
        return notices.filtered(lambda n: n.partner_id == self.customer)

    def test_a_collector_cannot_make_a_run_that_sends_nothing(self):
        self.authenticate("dun_take_coll", "dun_take_coll")
        self.assertRefusedCall("AccessError", RUN, "create", [{"take_over": True}], says=REFUSED)
        self.assertRefusedCall(
            "AccessError", RUN, "create", [{}], context={"default_take_over": True}, says=REFUSED
        )
        run_id = self.call(RUN, "create", [{}])[0]
        self.assertRefusedCall(
            "AccessError", RUN, "write", [run_id], {"take_over": True}, says=REFUSED
        )
        # a personal default (every user may set their own) is what create stores: refused too
        self.call("ir.default", "set", RUN, "take_over", True, user_id=True)
        self.assertRefusedCall("AccessError", RUN, "create", [{}], says=REFUSED)

    def test_no_context_key_skips_the_documents(self):
        """The former ``adv_dunning_no_documents`` key (and any other) changes nothing: the
        collector's run e-mails the customer and prints the letter."""
        self.authenticate("dun_take_coll", "dun_take_coll")
        context = {"adv_dunning_no_documents": True, "adv_dunning_documents": {}}
        run_id = self.call(RUN, "create", [{}], context=context)[0]
        self.call(RUN, "action_compute", [run_id], context=context)
        self.call(RUN, "action_send", [run_id], context=context)
        notice = self.notice_of(run_id)
        self.assertEqual(notice.level_id.name, "Second reminder")
        self.assertEqual(notice.email_state, "sent")
        self.assertTrue(notice.letter_attachment_id, "no letter printed")
        mail = notice.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertEqual(len(mail), 1)
        self.assertEqual(len(mail.attachment_ids), 2)  # the invoice and the statement

    def test_an_administrator_records_the_levels_without_reminding(self):
        self.authenticate("dun_take_admin", "dun_take_admin")
        run_id = self.call(RUN, "create", [{"take_over": True}])[0]
        self.call(RUN, "action_compute", [run_id])
        self.call(RUN, "action_send", [run_id])
        notice = self.notice_of(run_id)
        self.assertEqual((notice.state, notice.level_id.name), ("sent", "Second reminder"))
        receivable = self.receivable(self.inv)
        self.assertEqual(receivable.adv_dunning_level_id, notice.level_id)  # levelled
        # nothing reached the customer: no e-mail, no letter
        self.assertEqual(notice.email_state, "none")
        self.assertFalse(notice.letter_attachment_id)
        self.assertFalse(notice.message_ids.filtered(lambda m: m.message_type == "comment"))
