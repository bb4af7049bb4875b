# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The lines of the setup checklist (``adv.setup.step``), as each addon declares them.

A line is either a *setting* (done or still to do) or a *data-quality* worklist (done when no
customer is in it, to check otherwise, with the number of customers). Each addon returns its
lines from ``adv.setup.step._adv_setup_steps()``; the action that opens a line's setting or
worklist is the step model's method ``_setup_action_<key>``.
"""

DONE, TODO, WARNING = "done", "todo", "warning"
STEP_STATES = [(DONE, "Done"), (TODO, "To do"), (WARNING, "To check")]
SETTING, DATA = "setting", "data"
STEP_KINDS = [(SETTING, "Setting"), (DATA, "Data quality")]


def setting_step(key, sequence, section, name, explanation, done):
    """A setting the suite needs: green when ``done``."""
    return {
        "key": key,
        "sequence": sequence,
        "section": section,
        "name": name,
        "explanation": explanation,
        "kind": SETTING,
        "state": DONE if done else TODO,
        "count": 0,
    }


def data_step(key, sequence, section, name, explanation, count):
    """A worklist of ``count`` records whose data makes the rules fire for the wrong reason:
    green when it is empty."""
    return {
        "key": key,
        "sequence": sequence,
        "section": section,
        "name": name,
        "explanation": explanation,
        "kind": DATA,
        "state": WARNING if count else DONE,
        "count": count,
    }
