#!/usr/bin/env bash
# The README's first command: build (once) and serve the ADV suite's demo database.
#   ADV_DEMO_DB  database name (default adv_demo)      ADV_PORT  HTTP port (default 8069)
#   ADV_RESET=1  drop and rebuild the demo database     ADV_NO_SERVE=1  build only, do not serve
# The demo has its own virtualenv (packaged addons): make test, which reinstalls the addons in
# its own, never changes the code under a running demo.
ADV_VENV_NAME=venv-demo
source "$(dirname "$0")/bootstrap.sh"

DB=${ADV_DEMO_DB:-adv_demo}
PORT=${ADV_PORT:-8069}

port_free "$PORT" || die "port $PORT is already taken (another Odoo?). Stop it, or choose another: ADV_PORT=8070 make run" 3
bootstrap
install_addons package

if [ "${ADV_RESET:-0}" = 1 ]; then dropdb --if-exists "$DB"; fi
if psql -d "$DB" -Atc "select 1 from ir_module_module where name='adv_base' and state='installed'" 2>/dev/null | grep -q 1; then
    log "updating the ADV addons in existing database '$DB' (ADV_RESET=1 rebuilds it)"
    "${ODOO_BIN[@]}" -d "$DB" --addons-path="$ADDONS_PATH" -u "$(IFS=,; echo "${ADV_ADDONS[*]}")" \
        --stop-after-init --log-level=warn --http-port=0 || die "updating '$DB' failed (see above)."
else
    log "creating demo database '$DB': a French company, demo data, French and English (a few minutes the first time)"
    mkdir -p "$ADV_HOME/logs"
    : >"$ADV_HOME/logs/build-$DB.log"
    build_database "$DB" "$ADV_HOME/logs/build-$DB.log" sale_management,crm,purchase,stock \
        || { tail -30 "$ADV_HOME/logs/build-$DB.log"; die "building '$DB' failed (log: $ADV_HOME/logs/build-$DB.log)."; }
    # admin / admin is Odoo's own demo login; make it explicit so the README stays true.
    "$PY" - "$DB" "$ADDONS_PATH" <<'PY'
import sys
import odoo
from odoo.tools import config
config.parse_config(["-d", sys.argv[1], "--addons-path", sys.argv[2]])
with odoo.registry(sys.argv[1]).cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    env.ref("base.user_admin").write({"login": "admin", "password": "admin"})
PY
    log "playing the suite's story on '$DB' (a customer from a trade show to today's dunning call)"
    "$PY" "$REPO_ROOT/scripts/demo_story.py" -d "$DB" --addons-path "$ADDONS_PATH" \
        || die "the demo story failed on '$DB' (see above; ADV_RESET=1 make run rebuilds it)."
fi

[ "${ADV_NO_SERVE:-0}" = 1 ] && { log "demo database '$DB' is ready (not serving: ADV_NO_SERVE=1)"; exit 0; }
cat >&2 <<EOF
[adv] Open http://localhost:$PORT and log in:
        admin / admin   English: every ADV role, the story's My Day (Sales Administration app)
        demo  / demo    French: Marc Demo, salesperson
[adv] Ouvrez http://localhost:$PORT et connectez-vous :
        admin / admin   en anglais : tous les rôles ADV, la journée de l'histoire (application Administration des ventes)
        demo  / demo    en français : Marc Demo, commercial
[adv] serving '$DB' (Ctrl+C stops it)
EOF
exec "${ODOO_BIN[@]}" -d "$DB" --addons-path="$ADDONS_PATH" --http-port="$PORT" --db-filter="^$DB\$" --log-level=info
