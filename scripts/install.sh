#!/usr/bin/env bash
# install.sh — installs everything wenming needs on Debian 12 (idempotent, quick when all is
# present): the C toolchain and libraries, PostgreSQL and Chromium for the tests, wrk and nginx
# for the benchmark, and the web UI's npm packages. Uses sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(build-essential pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev libpq-dev
      libsodium-dev libicu-dev libcmocka-dev libmagic-dev libxlsxwriter-dev libzip-dev libexpat1-dev
      libreoffice-calc-nogui poppler-utils
      nodejs npm postgresql postgresql-client sqlite3 chromium fonts-noto-cjk
      wrk nginx-light curl ca-certificates procps)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi

missing=()
for p in "${PKGS[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$p")
	fi
done
# Node may come from elsewhere (e.g. a newer node already on PATH): then skip Debian's.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	filtered=()
	for p in "${missing[@]}"; do
		[ "$p" = nodejs ] || [ "$p" = npm ] || filtered+=("$p")
	done
	missing=("${filtered[@]}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
	echo "install.sh: installing ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
	echo "install.sh: installing the web UI's npm packages"
	(cd web && npm ci --no-audit --no-fund --loglevel=error)
fi
echo "install.sh: everything is installed"
