#!/usr/bin/env bash
# Installs the PostgreSQL server binaries the JDBC store's tests run against (Debian's postgresql package).
# It only installs: the tests start their own throwaway cluster on a free loopback port and stop it at the
# end, so no service is enabled or started here. Idempotent: does nothing when initdb is already present.
set -euo pipefail

if compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null; then
  echo "PostgreSQL server binaries present: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL server binaries are missing and installing them needs root: run as root, or" >&2
  echo "install Debian's 'postgresql' package (any version with /usr/lib/postgresql/<version>/bin/initdb)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; an existing one keeps its lists unless they are too old to install from.
if ! apt-cache show postgresql > /dev/null 2>&1; then
  apt-get update -q
fi
if ! apt-get install -y -q --no-install-recommends postgresql; then
  apt-get update -q
  apt-get install -y -q --no-install-recommends postgresql
fi
# Debian's package starts a cluster service on port 5432; the tests never use it.
if command -v pg_lsclusters > /dev/null && command -v pg_ctlcluster > /dev/null; then
  pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _; do
    pg_ctlcluster "$version" "$cluster" stop 2>/dev/null || true
  done
fi
compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null
