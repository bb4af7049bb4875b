# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    @property
    def _batch_size(self):
        """How many e-mails a mass mailing renders and creates at once: Odoo's 50, or the
        ``adv_mail_batch_size`` of the context (the daily chases: a whole batch of chases in
        one go, rather than ten rounds that each empty the cache). The system parameter
        ``mail.batch_size``, when set, still wins."""
        return self.env.context.get("adv_mail_batch_size") or 50
