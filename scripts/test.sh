#!/usr/bin/env bash
# The README's second command: lint, packaging, a fresh test database, pytest-odoo over every
# addon's tests and tests/ (HTTP server on a random free port, so browser tours run in headless
# Chromium next to a running demo), a tiny run of each benchmark script, the demo story played on
# the test database, each addon installed alone (on a database of adv_base's Odoo dependencies) and
# uninstalled, and a demo served from its own virtualenv kept intact while the tests reinstall
# theirs. Independent steps run side by side (see below). Runs every step, then exits non-zero if
# any failed.
#   ADV_TEST_DB  test database (default adv_test)   ADV_TEST_SKIP="lint alone bench story side"  skip steps (local use only)
#   extra arguments are passed to pytest, e.g.  make test ARGS="-k smoke"
source "$(dirname "$0")/bootstrap.sh"

DB=${ADV_TEST_DB:-adv_test}
LOGDIR="$ADV_HOME/test-logs"
ODOO_DATA=${ODOO_DATA:-$HOME/.local/share/Odoo}   # Odoo's data directory (filestores)
FAILED=()
START=$(date +%s)
skip() { [[ " ${ADV_TEST_SKIP:-} " == *" $1 "* ]]; }
step_failed() { FAILED+=("$1"); printf '\033[1;31m[adv] FAILED:\033[0m %s\n' "$1" >&2; }

bootstrap
install_addons editable
rm -rf "$LOGDIR" && mkdir -p "$LOGDIR"
cd "$REPO_ROOT"

# Steps that do not need each other run side by side (two cores): lint and the wheels while the
# test database is built; the addons installed alone (their own databases) while pytest runs; the
# demo's virtualenv installed meanwhile too. A background step writes its output to its log (shown
# when it is waited for) and its failures to $LOGDIR/failed.
bg_wait() {  # bg_wait PID LOG: wait for a background step, show its log
    wait "$1" || true
    cat "$2"
}
collect_failures() {
    local line
    if [ -f "$LOGDIR/failed" ]; then
        while IFS= read -r line; do step_failed "$line"; done <"$LOGDIR/failed"
        rm -f "$LOGDIR/failed"
    fi
}
bg_failed() { echo "$1" >>"$LOGDIR/failed"; printf '\033[1;31m[adv] FAILED:\033[0m %s\n' "$1" >&2; }

# --- lint, packaging: every addon and the metapackage build as wheels (background) -------------
lint_and_wheels() {
    if ! skip lint; then
        log "lint: ruff, ruff format, pylint-odoo"
        "$VENV/bin/ruff" check . || bg_failed "ruff check"
        "$VENV/bin/ruff" format --check . >/dev/null || { "$VENV/bin/ruff" format --diff . | head -40; bg_failed "ruff format"; }
        "$VENV/bin/pylint" --rcfile=.pylintrc --disable=missing-readme "${ADV_ADDONS[@]}" || bg_failed "pylint-odoo"
    fi
    log "packaging: building wheels with whool"
    rm -rf "$ADV_HOME/wheels"
    for pkg in "${ADV_ADDONS[@]}" setup/_metapackage; do
        "$PY" -m pip wheel -q --no-build-isolation --no-deps -w "$ADV_HOME/wheels" "./$pkg" >"$LOGDIR/wheel.log" 2>&1 \
            || { cat "$LOGDIR/wheel.log"; bg_failed "wheel $pkg"; }
    done
}
lint_and_wheels >"$LOGDIR/lint.log" 2>&1 &
lint_pid=$!

# --- test database ---------------------------------------------------------------------------
log "test database '$DB': the demo's French company, all ADV addons, demo data, French (about 3 minutes)"
: >"$LOGDIR/install.log"
db_ok=0
build_database "$DB" "$LOGDIR/install.log" || db_ok=$?
bg_wait "$lint_pid" "$LOGDIR/lint.log"
collect_failures

# --- each addon installs alone, then uninstalls cleanly (background, one at a time) -------------
# "Alone": on a database holding only adv_base's own Odoo dependencies (mail, spreadsheet_dashboard,
# what every ADV addon needs through adv_base), built once and copied for each addon; the addon
# brings everything else it needs itself (an undeclared dependency fails here).
ALONE_TEMPLATE=adv_alone_template
alone_template() {
    local deps; deps=$("$PY" -c "import ast; print(','.join(ast.literal_eval(open('adv_base/__manifest__.py').read())['depends']))")
    dropdb --if-exists "$ALONE_TEMPLATE"
    "${ODOO_BIN[@]}" -d "$ALONE_TEMPLATE" --addons-path="$ADDONS_PATH" -i "$deps" --without-demo=all \
        --stop-after-init --log-level=warn --http-port=0 --max-cron-threads=0 >"$LOGDIR/alone_template.log" 2>&1 \
        && ! grep -qE " (ERROR|CRITICAL) " "$LOGDIR/alone_template.log" \
        || { tail -20 "$LOGDIR/alone_template.log"; return 1; }
}
alone() {
    local addon=$1 db="adv_alone_$1" filestore="$ODOO_DATA/filestore"
    dropdb --if-exists "$db"; rm -rf "${filestore:?}/$db"
    createdb -T "$ALONE_TEMPLATE" "$db" || return 1
    [ ! -d "$filestore/$ALONE_TEMPLATE" ] || cp -r "$filestore/$ALONE_TEMPLATE" "$filestore/$db"
    "${ODOO_BIN[@]}" -d "$db" --addons-path="$ADDONS_PATH" -i "$addon" --without-demo=all \
        --stop-after-init --log-level=warn --http-port=0 --max-cron-threads=0 >"$LOGDIR/alone_$addon.log" 2>&1 \
        || echo "odoo exited with $? installing $addon" >>"$LOGDIR/alone_$addon.log"
    local state; state=$(psql -d "$db" -Atc "select state from ir_module_module where name='$addon'" 2>/dev/null || true)
    if [ "$state" != installed ] || grep -qE " (ERROR|CRITICAL) " "$LOGDIR/alone_$addon.log"; then
        tail -20 "$LOGDIR/alone_$addon.log"; dropdb --if-exists "$db"; rm -rf "${filestore:?}/$db"; return 1
    fi
    # ... and uninstalls cleanly: no error, and none of its records, models or fields left behind.
    echo "env['ir.module.module'].search([('name', '=', '$addon')]).button_immediate_uninstall()" \
        | "${ODOO_BIN[@]}" shell -d "$db" --addons-path="$ADDONS_PATH" --log-level=warn --http-port=0 \
            --max-cron-threads=0 >"$LOGDIR/uninstall_$addon.log" 2>&1 \
        || echo "Traceback? odoo shell exited with $? uninstalling $addon" >>"$LOGDIR/uninstall_$addon.log"
    local left; left=$(psql -d "$db" -Atc "select state || ':' || (select count(*) from ir_model_data
        where module='$addon') from ir_module_module where name='$addon'" 2>/dev/null || true)
    dropdb --if-exists "$db"; rm -rf "${filestore:?}/$db"
    [ "$left" = "uninstalled:0" ] && ! grep -qE " (ERROR|CRITICAL) |Traceback" "$LOGDIR/uninstall_$addon.log" \
        || { echo "$addon after uninstall: ${left:-?} (state:records left)"; tail -20 "$LOGDIR/uninstall_$addon.log"; return 1; }
}
alone_all() {
    log "each addon alone on a database with adv_base's Odoo dependencies only, installed then uninstalled: ${ADV_ADDONS[*]}"
    alone_template || { bg_failed "database of adv_base's dependencies for the addons alone"; return; }
    for addon in "${ADV_ADDONS[@]}"; do
        alone "$addon" || bg_failed "$addon alone"
    done
    dropdb --if-exists "$ALONE_TEMPLATE"; rm -rf "${ODOO_DATA:?}/filestore/$ALONE_TEMPLATE"
}
alone_pid=
if ! skip alone; then
    alone_all >"$LOGDIR/alone.log" 2>&1 &
    alone_pid=$!
fi

# --- the demo's own virtualenv (make run's), installed from packages (background) ----------------
demo_venv_pid=
if ! skip side; then
    ( VENV="$ADV_HOME/venv-demo"; ensure_venv; install_addons package ) >"$LOGDIR/side_by_side.log" 2>&1 &
    demo_venv_pid=$!
fi

if [ "$db_ok" -eq 0 ]; then
    # --- pytest-odoo ---------------------------------------------------------------------------
    log "pytest-odoo: addons' tests and tests/ (browser tours in headless Chromium)"
    set +e
    "$VENV/bin/pytest" --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" --odoo-http \
        -p no:cacheprovider "${ADV_ADDONS[@]/%//tests}" tests "$@" 2>&1 | tee "$LOGDIR/pytest.log"
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || step_failed "pytest (exit $rc)"

    # --- benchmarks, tiny size: they must keep working -------------------------------------------
    if ! skip bench; then
        for bench in tests/benchmarks/bench_*.py; do
            log "benchmark (tiny): $bench"
            "$PY" "$bench" --database "$DB" --addons-path "$ADDONS_PATH" --size tiny || step_failed "benchmark $bench"
        done
    fi

    # --- the demo story plays on the test database (it has demo data), as make run plays it -----
    if ! skip story; then
        log "demo story plays on the test database"
        "$PY" scripts/demo_story.py -d "$DB" --addons-path "$ADDONS_PATH" \
            || step_failed "demo story plays on the test database"
    fi
else
    tail -40 "$LOGDIR/install.log"; step_failed "installing the ADV addons in '$DB'"
fi

if [ -n "$alone_pid" ]; then
    bg_wait "$alone_pid" "$LOGDIR/alone.log"
    collect_failures
fi

# --- the demo and the tests side by side: a demo served from its own virtualenv (make run's) keeps
# serving its screens while the tests reinstall the addons in theirs (what broke a running demo when
# both shared one virtualenv: the phone capture's widget vanished from the served bundle) -------
side_by_side() {
    local db=adv_side port=0 pid log="$LOGDIR/side_by_side.log"
    wait "$demo_venv_pid" || return 1
    for port in $(seq 18069 18169); do port_free "$port" && break; done
    dropdb --if-exists "$db"; createdb -T "$DB" "$db" || return 1
    "$ADV_HOME/venv-demo/bin/python" "$ODOO_SRC/odoo-bin" -d "$db" --addons-path="$ADDONS_PATH" \
        --http-port="$port" --db-filter="^$db\$" --max-cron-threads=0 --log-level=warn >>"$log" 2>&1 &
    pid=$!
    local url="http://127.0.0.1:$port/web/assets/any/web.assets_backend.min.js" ok=1
    for _ in $(seq 60); do curl -fso /dev/null "http://127.0.0.1:$port/web/login" && break; sleep 1; done
    local bundle="$LOGDIR/side_by_side_bundle.js" served before after
    # the files the demo serves: the ADV addons installed in its virtualenv, with their checksums
    served() { find "$ADV_HOME/venv-demo/lib" -path '*/odoo/addons/adv_*' -type f -print0 | sort -z \
        | xargs -0 -r sha1sum | sha1sum; }
    before=$(served)
    if curl -fso "$bundle" "$url" && grep -q '"adv_badge_scan"' "$bundle"; then
        install_addons editable 2>>"$log"           # what make test does first, under the running demo
        after=$(served)
        [ "$after" = "$before" ] || echo "the tests' reinstall changed the files the demo serves" >>"$log"
        # the bundle is built again from the files the demo serves (as after an update or a restart)
        psql -d "$db" -qc "delete from ir_attachment where res_model = 'ir.ui.view' and url like '/web/assets/%'"
        [ "$after" = "$before" ] && curl -fso "$bundle" "$url" && grep -q '"adv_badge_scan"' "$bundle" \
            && curl -fso /dev/null "http://127.0.0.1:$port/web/login" && ok=0
        [ $ok = 0 ] || echo "the demo server lost the capture widget after the tests reinstalled their addons" >>"$log"
    else
        echo "the demo server did not serve the capture widget before the reinstall" >>"$log"
    fi
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    dropdb --if-exists "$db"
    return $ok
}
if ! skip side; then
    log "demo and tests side by side: a demo served from venv-demo keeps its screens while the tests reinstall theirs"
    side_by_side || { tail -20 "$LOGDIR/side_by_side.log"; step_failed "demo and tests side by side"; }
fi

# --- summary -----------------------------------------------------------------------------------
echo
grep -E "^=+ .*(passed|failed|error).* in .*=+$" "$LOGDIR/pytest.log" 2>/dev/null | tail -1 || echo "pytest did not run"
log "test command took $(( $(date +%s) - START )) s; logs in $LOGDIR"
if [ ${#FAILED[@]} -gt 0 ]; then
    printf '\033[1;31m[adv] %d step(s) failed:\033[0m %s\n' "${#FAILED[@]}" "${FAILED[*]}" >&2
    exit 1
fi
log "all green"
