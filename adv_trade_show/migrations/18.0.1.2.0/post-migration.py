# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 15 (personal data):

- the thank-you template (``noupdate``) sends to the capture's one normalised address: its
  ``email_to`` is updated where it still is the shipped ``{{ object.email }}``;
- the contacts created from show leads before this version are recorded on their captures
  (``created_partner_ids``), so that retention anonymises them too: a capture's contact that is
  its lead's customer and was created after the lead can only come from the lead's conversion
  (a contact matched at processing existed before the lead).
"""


def migrate(cr, version):
    cr.execute(
        """
        UPDATE mail_template t SET email_to = '{{ object.email_normalized }}'
          FROM ir_model_data d
         WHERE d.module = 'adv_trade_show' AND d.name = 'mail_template_capture_thanks'
           AND d.model = 'mail.template' AND d.res_id = t.id
           AND t.email_to = '{{ object.email }}'
        """
    )
    cr.execute(
        """
        INSERT INTO adv_trade_show_capture_created_partner_rel (capture_id, partner_id)
        SELECT c.id, c.partner_id
          FROM adv_trade_show_capture c
          JOIN crm_lead l ON l.id = c.lead_id AND l.partner_id = c.partner_id
          JOIN res_partner p ON p.id = c.partner_id
         WHERE l.adv_show_id IS NOT NULL AND p.create_date > l.create_date
        ON CONFLICT DO NOTHING
        """
    )
