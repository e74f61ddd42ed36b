#!/usr/bin/env bash
# The main job (`npm start`): the local endpoint in the background with realistic delays, a real
# `pulumi up` of the root program, its outputs, and a drift check. Safe to run again; the endpoint
# and the stack stay so you can preview, change and destroy. `npm run stop` stops the endpoint.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${EUC_LOCAL_DIR:-$REPO/.pulumi-local}"
PORT="${EUC_ENDPOINT_PORT:-45660}"
ENDPOINT="http://127.0.0.1:$PORT"
STACK="${EUC_STACK:-demo}"
mkdir -p "$LOCAL"
cd "$REPO"

endpoint_up() { node -e "fetch('$ENDPOINT/_emulator/settings').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; }

if endpoint_up; then
  echo "local endpoint already running at $ENDPOINT"
else
  echo "starting the local endpoint at $ENDPOINT (state in $LOCAL/endpoint-state.json, log in $LOCAL/endpoint.log)"
  nohup node dist/emulator/cli.js --port "$PORT" --state-file "$LOCAL/endpoint-state.json" \
    --transition-ms "${EUC_TRANSITION_MS:-2000}" --region us-west-2 >"$LOCAL/endpoint.log" 2>&1 &
  echo $! >"$LOCAL/endpoint.pid"
  for _ in $(seq 1 100); do endpoint_up && break; sleep 0.1; done
  endpoint_up || { echo "the local endpoint did not start; see $LOCAL/endpoint.log" >&2; exit 1; }
fi

pulumi stack select "$STACK" --create --non-interactive >/dev/null
pulumi config set aws-euc:endpoint "$ENDPOINT" --stack "$STACK" --non-interactive
pulumi config set aws:region us-west-2 --stack "$STACK" --non-interactive
pulumi up --yes --non-interactive --stack "$STACK"
echo
echo "== stack outputs"
pulumi stack output --stack "$STACK"
echo
echo "== drift check"
# The package's drift command, as CI runs it: exit 0 clean, 2 drift, 3 program changes not yet applied, 4 both, 1 error.
node node_modules/pulumi-aws-euc/dist/provider/cli/main.js drift --stack "$STACK" --cwd "$REPO" \
  --json "$LOCAL/drift.json" --markdown "$LOCAL/drift.md"
cat <<EOM

The endpoint and the stack are still there. In this shell:
  eval "\$(bash scripts/toolchain.sh env)"   # the same pulumi, backend and settings
  pulumi preview | pulumi up | pulumi destroy
  npm run stop                               # stop the local endpoint
EOM
