#!/usr/bin/env bash
# Prepare a clone for use: system packages, then .venv with hpia installed.
# Safe to run again; it does nothing when everything is in place.
#   scripts/setup.sh          what the product needs to run
#   scripts/setup.sh --test   that, and what the test suite needs as well
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

# Debian packages the product needs at run time: the pinned Japanese fonts
# and HarfBuzz subsetting (fast font embedding).
packages=(
    fonts-morisawa-bizud-mincho
    fonts-morisawa-bizud-gothic
    libharfbuzz-subset0
)
# For the tests only: poppler (reading PDFs back), PostgreSQL (the
# registry's tests on a real server) and sqlite3 (the registry's bench).
if [ "${1:-}" = "--test" ]; then
    packages+=(poppler-utils postgresql sqlite3)
fi

missing_packages() {
    local p
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" \
            || printf '%s\n' "$p"
    done
}

install_system_packages() {
    local missing
    missing=$(missing_packages)
    [ -z "$missing" ] && return 0

    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            echo "エラー: 次のシステムパッケージが必要ですが、インストールする権限がありません:" >&2
            echo "  $missing" | tr '\n' ' ' >&2
            echo >&2
            echo "管理者に 'apt-get install $(echo $missing)' を依頼してください。" >&2
            exit 1
        fi
    fi
    if ! command -v apt-get >/dev/null; then
        echo "エラー: apt-get がありません。次のパッケージを手動で入れてください: $missing" >&2
        exit 1
    fi
    echo "システムパッケージをインストールします: $(echo $missing)"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
}

install_venv() {
    local stamp=.venv/.hpia-installed
    local want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [ -x .venv/bin/hpia ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
        echo "エラー: Python 3.11 以上が必要です (python3 --version を確認してください)。" >&2
        exit 1
    }
    echo "Python の仮想環境 .venv を準備しています…"
    [ -d .venv ] || python3 -m venv .venv
    # pip's chatter goes to a log, shown only when the install fails.
    local log=.venv/install.log
    if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
           .venv/bin/python -m pip install --disable-pip-version-check -e "$root[dev]"; } \
           >"$log" 2>&1; then
        cat "$log" >&2
        echo "エラー: Python パッケージのインストールに失敗しました（ログ: $log）。" >&2
        exit 1
    fi
    echo "$want" > "$stamp"
}

install_system_packages
install_venv
