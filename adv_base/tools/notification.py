# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the user sees after an action: a notification, then what a button returning nothing
does (the record reloaded, an action dialog closed) or the next action, so that every action is
acknowledged in words.

Every ADV addon acknowledges its actions this way.
"""

# What the web client runs after a button that returns nothing: the form (also in a dialog of
# one of its lines) reloads its record, a wizard's dialog closes.
AFTER_BUTTON = {"type": "ir.actions.act_window_close"}


def notify(env, message, title=None, kind="success", next_action=None, sticky=False):
    """The client action showing ``message`` (already translated) to the user, then running
    ``next_action`` (default: as after a button that returns nothing, so that the screen shows
    the new state)."""
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "title": title or env._("Action done"),
            "message": message,
            "type": kind,
            "sticky": sticky,
            "next": next_action or AFTER_BUTTON,
        },
    }
