#!/usr/bin/env bash
# Developer loop for one addon: install or update it in its own database, then run its tests.
#   scripts/dev_test.sh adv_claims                 # database adv_dev_adv_claims, demo data, fr_FR
#   scripts/dev_test.sh adv_claims -k qualify      # extra arguments go to pytest
#   ADV_DEV_DB=mydb ADV_DEV_MODULES=adv_claims,adv_dunning scripts/dev_test.sh adv_claims
# The full check before a commit stays `make test`.
source "$(dirname "$0")/bootstrap.sh"
addon=${1:?addon name}; shift
db=${ADV_DEV_DB:-adv_dev_$addon}
modules=${ADV_DEV_MODULES:-$addon}
ensure_postgres
ensure_venv
cd "$REPO_ROOT"
# The tests import the addons from this checkout (whool editable installs): relink when needed.
where=$("$PY" -c 'import odoo.addons.adv_base as m; print(m.__file__)' 2>/dev/null || true)
[[ "$where" == "$REPO_ROOT/"* ]] || install_addons editable
if psql -d "$db" -Atc "select 1 from ir_module_module where name='$addon' and state='installed'" 2>/dev/null | grep -q 1; then
    action=(-u "$modules")
else
    action=(-i "$modules")
    psql -d postgres -Atc "select 1 from pg_database where datname='$db'" | grep -q 1 || createdb "$db"
fi
log "database $db: ${action[*]}"
"${ODOO_BIN[@]}" -d "$db" --addons-path="$ADDONS_PATH" "${action[@]}" --without-demo= \
    --load-language=en_US,fr_FR --stop-after-init --log-level=warn --http-port=0 \
    --max-cron-threads=0 || die "install/update of $modules in $db failed"
exec "$VENV/bin/pytest" --odoo-database="$db" --odoo-addons-path="$ADDONS_PATH" --odoo-http \
    -p no:cacheprovider "$addon/tests" "$@"
