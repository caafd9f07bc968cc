#!/usr/bin/env bash
# Installs the MariaDB server binaries the JDBC store's tests run against (Debian's mariadb-server package).
# It only installs: the tests start their own throwaway server (mariadb-install-db, then mariadbd on a free
# loopback port) and stop it at the end, so no service is left enabled or running here. Idempotent: does nothing
# when the server binary and mariadb-install-db are already present.
set -euo pipefail

have_binaries() {
  { command -v mariadbd > /dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] \
      || command -v mysqld > /dev/null 2>&1 || [ -x /usr/sbin/mysqld ]; } \
    && { command -v mariadb-install-db > /dev/null 2>&1 || command -v mysql_install_db > /dev/null 2>&1; }
}

if have_binaries; then
  echo "MariaDB server binaries present: $(/usr/sbin/mariadbd --version 2>/dev/null || mariadbd --version 2>/dev/null || echo mysqld)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "MariaDB server binaries are missing and installing them needs root: run as root, or" >&2
  echo "install Debian's 'mariadb-server' package (mariadbd and mariadb-install-db)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; an existing one keeps its lists unless they are too old to install from.
if ! apt-cache show mariadb-server > /dev/null 2>&1; then
  apt-get update -q
fi
if ! apt-get install -y -q --no-install-recommends mariadb-server; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends mariadb-server
fi

# Debian's package may start a server on port 3306 and enable it at boot; the tests never use it.
if command -v systemctl > /dev/null && [ -d /run/systemd/system ]; then
  systemctl disable --now mariadb.service 2>/dev/null || true
elif [ -x /etc/init.d/mariadb ]; then
  /etc/init.d/mariadb stop > /dev/null 2>&1 || true
  if command -v update-rc.d > /dev/null; then
    update-rc.d mariadb disable > /dev/null 2>&1 || true
  fi
fi
have_binaries
