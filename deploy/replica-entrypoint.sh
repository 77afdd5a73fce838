#!/bin/sh
# The read replica: on first start, copy the primary with pg_basebackup (-R writes
# standby.signal and primary_conninfo); afterwards it follows the primary's WAL stream.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h db -U replikator; do sleep 2; done
  PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup -h db -U replikator -D "$PGDATA" -R -X stream -P
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on -c max_standby_streaming_delay=30s -c jit=off
