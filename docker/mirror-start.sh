#!/bin/bash
# Container start: create or update the demo database, then serve it.
# Runs through the official image's /entrypoint.sh, which waits for PostgreSQL and passes
# the database connection (HOST, PORT, USER, PASSWORD env vars) to Odoo.
set -euo pipefail

db="${MIRROR_DB:-mirror_demo}"
addons="${MIRROR_ADDONS:-mirror_production,mirror_portal,mirror_channels,mirror_payments}"

if [[ "${1:-}" == "" ]]; then
    # -i installs what is missing (and creates the database with demo data and Russian
    # on the first start), -u updates what is installed.
    echo "mirror: installing/updating ${addons} in database ${db} ..."
    /entrypoint.sh odoo -d "${db}" -i "${addons}" -u "${addons}" \
        --load-language=ru_RU --stop-after-init
    echo "Mirror suite: http://localhost:8069  database ${db}  login admin / password admin"
    exec /entrypoint.sh odoo -d "${db}" --db-filter="^${db}\$"
fi
# Any other command (e.g. "odoo shell -d mirror_demo", "bash") goes to the official entrypoint.
exec /entrypoint.sh "$@"
