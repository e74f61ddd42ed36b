#!/usr/bin/env bash
# Stops the local endpoint the main job started. Its state file stays, so the next start resumes.
set -euo pipefail
PID_FILE="${EUC_LOCAL_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.pulumi-local}/endpoint.pid"
if [[ -f "$PID_FILE" ]] && kill "$(cat "$PID_FILE")" 2>/dev/null; then
  echo "stopped the local endpoint (pid $(cat "$PID_FILE"))"
else
  echo "the local endpoint is not running"
fi
rm -f "$PID_FILE"
