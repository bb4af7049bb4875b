#!/usr/bin/env bash
# Regenerate an addon's .pot from a database where it is installed:
#   scripts/i18n_export.sh adv_order_control adv_test
# The editable install (whool) links each addon back into itself (build/__editable__), so Odoo's
# code scan sees every file under ever longer paths: the references are folded back to one.
source "$(dirname "$0")/bootstrap.sh"
addon=${1:?addon name}; db=${2:?database name}
ensure_venv
pot="$REPO_ROOT/$addon/i18n/$addon.pot"
"${ODOO_BIN[@]}" -d "$db" --addons-path="$REPO_ROOT,$ADDONS_PATH" --i18n-export="$pot" --modules="$addon" \
    --stop-after-init --log-level=warn
"$PY" - "$pot" "$addon" <<'PY'
import re, sys
import polib
path, addon = sys.argv[1:]
pot = polib.pofile(path, wrapwidth=78)
loop = re.compile(rf"(addons/{addon}/)(?:build/__editable__/odoo/addons/{addon}/)+")
for entry in pot:
    seen, refs = set(), []
    for ref, line in entry.occurrences:
        ref = loop.sub(r"\1", ref)
        if (ref, line) not in seen:
            seen.add((ref, line))
            refs.append((ref, line))
    entry.occurrences = refs
pot.save(path)
PY
log "$pot: $(grep -c '^msgid' "$pot") messages"
