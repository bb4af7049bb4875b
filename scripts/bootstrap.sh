# shellcheck shell=bash
# Shared bootstrap of the ADV suite's two commands (scripts/run.sh, scripts/test.sh).
# Sourced, not executed. Every step is idempotent: a second call reuses PostgreSQL,
# the virtualenv and the installed requirements, and only reinstalls our addons.
#
# Settings (environment variables, all optional):
#   ODOO_SRC      Odoo 18.0 source tree             (default /opt/odoo/18.0)
#   ADV_HOME      where the virtualenvs and logs go  (default ~/.cache/adv-suite; the demo's virtualenv
#                 is venv-demo, the tests' is venv: make run and make test never share installed addons)
#   ADV_PYTHON    Python 3.11 interpreter            (default python3.11, else python3)
#   PGHOST/PGPORT/PGUSER/PGPASSWORD  an existing PostgreSQL server to use instead of the local one
#   ODOO_DOWNLOAD_URL  archive to fetch when ODOO_SRC is empty (default: official 18.0 nightly)

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo/18.0}
ADV_HOME=${ADV_HOME:-$HOME/.cache/adv-suite}
VENV=${ADV_VENV:-$ADV_HOME/${ADV_VENV_NAME:-venv}}
ODOO_DOWNLOAD_URL=${ODOO_DOWNLOAD_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
ADV_ADDONS=(adv_base adv_order_control adv_dunning adv_claims adv_supply_followup adv_trade_show adv_order_control_dunning adv_claims_dunning adv_claims_supply_followup adv_order_control_trade_show adv_dunning_facturx adv_dashboard)
PG_VERSION=${PG_VERSION:-15}
APT_PACKAGES=(postgresql libpq-dev libldap2-dev libsasl2-dev chromium wkhtmltopdf fonts-dejavu-core fonts-liberation)

log() { printf '\033[1;34m[adv]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[adv] ERROR:\033[0m %s\n' "$1" >&2; exit "${2:-1}"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        die "'$*' needs root and sudo is not available; run it as root once."
    fi
}

# --- system packages -----------------------------------------------------------------------
ensure_system_packages() {
    local missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || die "missing system packages (${missing[*]}) and no apt-get: install them by hand."
    log "installing Debian packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
        || { as_root apt-get update -q >/dev/null && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } \
        || die "could not install ${missing[*]} with apt-get."
}

# --- PostgreSQL ----------------------------------------------------------------------------
ensure_postgres() {
    if [ -n "${PGHOST:-}" ]; then
        psql -d postgres -Atc 'select 1' >/dev/null 2>&1 \
            || die "PostgreSQL at PGHOST=$PGHOST does not answer (check PGHOST/PGPORT/PGUSER/PGPASSWORD)."
        return 0
    fi
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
        log "creating PostgreSQL $PG_VERSION cluster"
        as_root pg_createcluster "$PG_VERSION" main >/dev/null || die "could not create the PostgreSQL cluster."
    fi
    if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
        log "starting PostgreSQL $PG_VERSION"
        as_root pg_ctlcluster "$PG_VERSION" main start \
            || die "PostgreSQL $PG_VERSION would not start: see /var/log/postgresql/postgresql-$PG_VERSION-main.log"
    fi
    local user; user=$(id -un)
    if ! psql -d postgres -Atc 'select 1' >/dev/null 2>&1; then
        log "creating PostgreSQL role '$user'"
        as_root su postgres -c "createuser -s '$user'" >/dev/null 2>&1 || true
        psql -d postgres -Atc 'select 1' >/dev/null 2>&1 \
            || die "PostgreSQL is running but role '$user' cannot connect (createuser -s $user as postgres)."
    fi
}

# --- Odoo source ---------------------------------------------------------------------------
ensure_odoo_source() {
    if [ -f "$ODOO_SRC/odoo/release.py" ]; then
        grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
            || die "$ODOO_SRC does not hold Odoo 18.0 (odoo/release.py says otherwise)."
        return 0
    fi
    if [ -d "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "$ODOO_SRC is not empty but holds no Odoo source (no odoo/release.py)."
    fi
    log "no Odoo source in $ODOO_SRC: trying to download $ODOO_DOWNLOAD_URL"
    local tmp; tmp=$(mktemp -d)
    if curl -fsSL --connect-timeout 15 "$ODOO_DOWNLOAD_URL" -o "$tmp/odoo.tar.gz" 2>/dev/null \
        && mkdir -p "$ODOO_SRC" && tar -xzf "$tmp/odoo.tar.gz" -C "$ODOO_SRC" --strip-components=1; then
        rm -rf "$tmp"
        [ -f "$ODOO_SRC/odoo/release.py" ] && return 0
    fi
    rm -rf "$tmp"
    die "Odoo 18.0 Community source not found and not downloadable.
    Provide it in one of these ways, then run the command again:
      - unpack the official 18.0 source into $ODOO_SRC (odoo-bin and odoo/release.py at its top), e.g.
          mkdir -p $ODOO_SRC && curl -L $ODOO_DOWNLOAD_URL | tar -xz -C $ODOO_SRC --strip-components=1
      - or point ODOO_SRC at an existing Odoo 18.0 checkout: ODOO_SRC=/path/to/odoo make run" 2
}

# --- virtualenv and Python requirements ----------------------------------------------------
pick_python() {
    if [ -n "${ADV_PYTHON:-}" ]; then echo "$ADV_PYTHON"; return; fi
    for py in python3.11 python3; do
        if command -v "$py" >/dev/null && "$py" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
            echo "$py"; return
        fi
    done
    die "Python 3.11 is required (set ADV_PYTHON to its path)."
}

ensure_venv() {
    mkdir -p "$ADV_HOME"
    if [ ! -x "$VENV/bin/python" ]; then
        log "creating virtualenv $VENV"
        "$(pick_python)" -m venv "$VENV" || die "could not create the virtualenv (Debian: apt-get install python3-venv)."
    fi
    PY="$VENV/bin/python"
    PIP=("$PY" -m pip --disable-pip-version-check -q)
    # Odoo's requirements change only with the Odoo source; ours with requirements-dev.txt.
    local stamp="$VENV/.adv-requirements"
    local want
    want=$(cat "$ODOO_SRC/requirements.txt" "$REPO_ROOT/requirements-dev.txt" | sha1sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! "$PY" -c 'import odoo.release' 2>/dev/null; then
        log "installing Odoo's and the suite's Python requirements (first time: about a minute)"
        "${PIP[@]}" install "setuptools<70" wheel whool
        # cbor2 5.4.2's sdist no longer builds on Python 3.11: 5.4.6 is the same API.
        sed 's/^cbor2==5\.4\.2/cbor2==5.4.6/' "$ODOO_SRC/requirements.txt" > "$ADV_HOME/odoo-requirements.txt"
        "${PIP[@]}" install --no-build-isolation -r "$ADV_HOME/odoo-requirements.txt" 2>&1 | grep -v "is ignored" >&2 || true
        "${PIP[@]}" install --no-build-isolation --no-deps -e "$ODOO_SRC" 2>&1 | grep -v "is ignored" >&2 || true
        "${PIP[@]}" install -r "$REPO_ROOT/requirements-dev.txt" 2>&1 | grep -v "is ignored" >&2 || true
        "$PY" -c 'import odoo.release, pytest_odoo, websocket, whool' \
            || die "Python requirements did not install (see pip's messages above)."
        echo "$want" > "$stamp"
    fi
    ODOO_BIN=("$PY" "$ODOO_SRC/odoo-bin")
    ADDONS_PATH="$ODOO_SRC/addons,$ODOO_SRC/odoo/addons"
}

# Install the suite's addons with pip. mode=package: built wheels, as an administrator would;
# mode=editable: linked to this checkout, so tests and tracebacks point at the sources.
install_addons() {
    local mode=$1 installed addon
    installed=$("$PY" -m pip list --format=freeze 2>/dev/null | grep -oE '^odoo-addon(s)?-adv[^=]*' || true)
    if [ -n "$installed" ]; then
        # shellcheck disable=SC2086
        "${PIP[@]}" uninstall -y $installed >/dev/null 2>&1 || true
    fi
    local args=()
    for addon in "${ADV_ADDONS[@]}"; do
        if [ "$mode" = editable ]; then args+=(-e "$REPO_ROOT/$addon"); else args+=("$REPO_ROOT/$addon"); fi
    done
    log "installing the ADV addons with pip ($mode)"
    "${PIP[@]}" install --no-build-isolation "${args[@]}" "$REPO_ROOT/setup/_metapackage" 2>&1 \
        | grep -v "is ignored" >&2 || true
    "$PY" -c "import odoo.addons.adv_base" 2>/dev/null || die "pip did not install the ADV addons (see above)."
}

# The demo and the test databases are built the same way, so the tests see the demo's company:
# base with its demo data, the company made French (scripts/demo_company.py), Invoicing (which
# installs the French chart of accounts on a French company when its installation ends) and its
# demo entries on that chart, then the ADV addons, then the company's legal identity.
# Output goes to the log file given.
build_database() {
    local db=$1 logfile=$2 extra=${3:-}
    local modules; modules=$(IFS=,; echo "${ADV_ADDONS[*]},l10n_fr_account${extra:+,$extra}")
    local odoo_args=(-d "$db" --addons-path="$ADDONS_PATH" --stop-after-init --log-level=warn --http-port=0 --max-cron-threads=0)
    local step=("$PY" "$REPO_ROOT/scripts/demo_company.py" -d "$db" --addons-path "$ADDONS_PATH" --step)
    dropdb --if-exists "$db"
    "${ODOO_BIN[@]}" "${odoo_args[@]}" -i base --without-demo= --load-language=en_US,fr_FR >>"$logfile" 2>&1 \
        && "${step[@]}" company >>"$logfile" 2>&1 \
        && "${ODOO_BIN[@]}" "${odoo_args[@]}" -i account,l10n_fr_account,stock --without-demo= >>"$logfile" 2>&1 \
        && "${step[@]}" chart >>"$logfile" 2>&1 \
        && "${ODOO_BIN[@]}" "${odoo_args[@]}" -i "$modules" --without-demo= >>"$logfile" 2>&1 \
        && "${step[@]}" identity >>"$logfile" 2>&1 \
        && ! grep -E " (ERROR|CRITICAL) |invalid module names" "$logfile" \
        && [ "$(psql -d "$db" -Atc "select count(*) from ir_module_module where state = 'installed'
                and name in ('$(IFS=,; echo "${ADV_ADDONS[*]}" | sed "s/,/','/g")')")" = "${#ADV_ADDONS[@]}" ]
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bootstrap() {
    ensure_system_packages
    ensure_postgres
    ensure_odoo_source
    ensure_venv
}
