# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailMail(models.Model):
    _inherit = "mail.mail"

    def _postprocess_sent_message(self, success_pids, failure_reason=False, failure_type=None):
        """A dunning e-mail the mail server refused: its notice falls back to the letter."""
        if failure_type:
            notice_ids = [m.res_id for m in self if m.model == "adv.dunning.notice" and m.res_id]
            if notice_ids:
                notices = self.env["adv.dunning.notice"].sudo().browse(notice_ids).exists()
                notices.filtered(lambda n: n.email_state == "sent")._fallback_to_letter(
                    failure_reason or failure_type
                )
        return super()._postprocess_sent_message(
            success_pids, failure_reason=failure_reason, failure_type=failure_type
        )
