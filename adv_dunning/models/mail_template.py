# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import uuid

from lxml import html
from markupsafe import Markup

from odoo import api, models

_logger = logging.getLogger(__name__)


class MailTemplate(models.Model):
    _inherit = "mail.template"

    @api.model
    def _render_template_qweb(self, template_src, model, res_ids, add_context=None, options=None):
        """The QWeb body of a dunning template for many notices compiled once: Odoo compiles a
        template's QWeb for each record it renders (tens of milliseconds with the invoice
        table, more than the rest of the e-mail); here the notices are rendered in one loop
        of one compiled template, cut at a marker written before each notice."""
        if (
            model != "adv.dunning.notice"
            or len(res_ids) < 2
            or not self._unrestricted_rendering
            or not template_src
            or not self._has_unsafe_expression_template_qweb(template_src, model)
        ):
            return super()._render_template_qweb(
                template_src, model, res_ids, add_context=add_context, options=options
            )
        marker = f"adv-notice-{uuid.uuid4().hex}"
        variables = self._render_eval_context()
        variables.update(add_context or {})
        variables.update(adv_records=self.env[model].browse(res_ids), adv_marker=Markup(marker))
        source = (
            f'<t t-foreach="adv_records" t-as="object"><t t-out="adv_marker"/>{template_src}</t>'
        )
        try:
            rendered = self.env["ir.qweb"]._render(
                html.fragment_fromstring(source, create_parent="div"), variables, **(options or {})
            )
        except Exception:  # pylint: disable=broad-except
            _logger.info("dunning e-mails: rendering in one loop failed, one by one", exc_info=True)
            rendered = ""
        parts = str(rendered)[5:-6].split(marker)[1:]
        if len(parts) != len(res_ids):
            return super()._render_template_qweb(
                template_src, model, res_ids, add_context=add_context, options=options
            )
        return {res_id: Markup(part) for res_id, part in zip(res_ids, parts, strict=True)}
