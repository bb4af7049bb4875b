#!/usr/bin/env bash
# The README's second command: lint, packaging, a fresh test database, pytest-odoo over every
# addon's tests and tests/ (HTTP server on a random free port, so browser tours run in headless
# Chromium next to a running demo), a tiny run of each benchmark script, the demo story played on
# the test database, each addon installed alone on an empty database, and a demo served from its
# own virtualenv kept intact while the tests reinstall theirs. Runs every step, then exits non-zero
# if any failed.
#   ADV_TEST_DB  test database (default adv_test)   ADV_TEST_SKIP="lint alone bench story side"  skip steps (local use only)
#   extra arguments are passed to pytest, e.g.  make test ARGS="-k smoke"
source "$(dirname "$0")/bootstrap.sh"

DB=${ADV_TEST_DB:-adv_test}
LOGDIR="$ADV_HOME/test-logs"
FAILED=()
START=$(date +%s)
skip() { [[ " ${ADV_TEST_SKIP:-} " == *" $1 "* ]]; }
step_failed() { FAILED+=("$1"); printf '\033[1;31m[adv] FAILED:\033[0m %s\n' "$1" >&2; }

bootstrap
install_addons editable
rm -rf "$LOGDIR" && mkdir -p "$LOGDIR"
cd "$REPO_ROOT"

# --- lint ----------------------------------------------------------------------------------
if ! skip lint; then
    log "lint: ruff, ruff format, pylint-odoo"
    "$VENV/bin/ruff" check . || step_failed "ruff check"
    "$VENV/bin/ruff" format --check . >/dev/null || { "$VENV/bin/ruff" format --diff . | head -40; step_failed "ruff format"; }
    "$VENV/bin/pylint" --rcfile=.pylintrc --disable=missing-readme "${ADV_ADDONS[@]}" || step_failed "pylint-odoo"
fi

# --- packaging: every addon and the metapackage build as wheels ------------------------------
log "packaging: building wheels with whool"
rm -rf "$ADV_HOME/wheels"
for pkg in "${ADV_ADDONS[@]}" setup/_metapackage; do
    "$PY" -m pip wheel -q --no-build-isolation --no-deps -w "$ADV_HOME/wheels" "./$pkg" >"$LOGDIR/wheel.log" 2>&1 \
        || { cat "$LOGDIR/wheel.log"; step_failed "wheel $pkg"; }
done

# --- test database ---------------------------------------------------------------------------
log "test database '$DB': the demo's French company, all ADV addons, demo data, French (about 4 minutes)"
: >"$LOGDIR/install.log"
if build_database "$DB" "$LOGDIR/install.log"; then
    # --- pytest-odoo ---------------------------------------------------------------------------
    log "pytest-odoo: addons' tests and tests/ (browser tours in headless Chromium)"
    set +e
    "$VENV/bin/pytest" --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" --odoo-http \
        -p no:cacheprovider "${ADV_ADDONS[@]/%//tests}" tests "$@" 2>&1 | tee "$LOGDIR/pytest.log"
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || step_failed "pytest (exit $rc)"
else
    tail -40 "$LOGDIR/install.log"; step_failed "installing the ADV addons in '$DB'"
fi

# --- benchmarks, tiny size: they must keep working ---------------------------------------------
if ! skip bench; then
    for bench in tests/benchmarks/bench_*.py; do
        log "benchmark (tiny): $bench"
        "$PY" "$bench" --database "$DB" --addons-path "$ADDONS_PATH" --size tiny || step_failed "benchmark $bench"
    done
fi

# --- the demo story plays on the test database (it has demo data), as make run plays it ---------
if ! skip story; then
    log "demo story plays on the test database"
    "$PY" scripts/demo_story.py -d "$DB" --addons-path "$ADDONS_PATH" \
        || step_failed "demo story plays on the test database"
fi

# --- each addon installs alone on an empty database, then uninstalls cleanly (two at a time) ----
alone() {
    local addon=$1 db="adv_alone_$1"
    dropdb --if-exists "$db"
    # (errexit is on in this background function: each command that may fail is tested)
    "${ODOO_BIN[@]}" -d "$db" --addons-path="$ADDONS_PATH" -i "$addon" --without-demo=all \
        --stop-after-init --log-level=warn --http-port=0 --max-cron-threads=0 >"$LOGDIR/alone_$addon.log" 2>&1 \
        || echo "odoo exited with $? installing $addon" >>"$LOGDIR/alone_$addon.log"
    local state; state=$(psql -d "$db" -Atc "select state from ir_module_module where name='$addon'" 2>/dev/null || true)
    if [ "$state" != installed ] || grep -qE " (ERROR|CRITICAL) " "$LOGDIR/alone_$addon.log"; then
        dropdb --if-exists "$db"; return 1
    fi
    # ... and uninstalls cleanly: no error, and none of its records, models or fields left behind.
    echo "env['ir.module.module'].search([('name', '=', '$addon')]).button_immediate_uninstall()" \
        | "${ODOO_BIN[@]}" shell -d "$db" --addons-path="$ADDONS_PATH" --log-level=warn --http-port=0 \
            --max-cron-threads=0 >"$LOGDIR/uninstall_$addon.log" 2>&1 \
        || echo "Traceback? odoo shell exited with $? uninstalling $addon" >>"$LOGDIR/uninstall_$addon.log"
    local left; left=$(psql -d "$db" -Atc "select state || ':' || (select count(*) from ir_model_data
        where module='$addon') from ir_module_module where name='$addon'" 2>/dev/null || true)
    dropdb --if-exists "$db"
    [ "$left" = "uninstalled:0" ] && ! grep -qE " (ERROR|CRITICAL) |Traceback" "$LOGDIR/uninstall_$addon.log" \
        || { echo "$addon after uninstall: ${left:-?} (state:records left)"; tail -20 "$LOGDIR/uninstall_$addon.log"; return 1; }
}
if ! skip alone; then
    log "each addon alone on an empty database, installed then uninstalled: ${ADV_ADDONS[*]}"
    pids=()
    for addon in "${ADV_ADDONS[@]}"; do
        alone "$addon" & pids+=("$!:$addon")
        if [ $(( ${#pids[@]} % 2 )) -eq 0 ]; then
            for p in "${pids[@]: -2}"; do wait "${p%%:*}" || { tail -20 "$LOGDIR/alone_${p#*:}.log"; step_failed "${p#*:} alone"; }; done
        fi
    done
    if [ $(( ${#pids[@]} % 2 )) -eq 1 ]; then
        p=${pids[-1]}; wait "${p%%:*}" || { tail -20 "$LOGDIR/alone_${p#*:}.log"; step_failed "${p#*:} alone"; }
    fi
fi

# --- the demo and the tests side by side: a demo served from its own virtualenv (make run's) keeps
# serving its screens while the tests reinstall the addons in theirs (what broke a running demo when
# both shared one virtualenv: the phone capture's widget vanished from the served bundle) -------
side_by_side() {
    local db=adv_side port=0 pid log="$LOGDIR/side_by_side.log"
    ( VENV="$ADV_HOME/venv-demo"; ensure_venv; install_addons package ) >"$log" 2>&1 || return 1
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
