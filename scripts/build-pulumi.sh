#!/usr/bin/env bash
# Builds the Pulumi CLI and the Node.js language host from Go modules into a cache directory keyed by
# version, and prints that directory. No prebuilt binary can be downloaded on this machine; the Go
# module proxy can serve the sources.
set -euo pipefail

PULUMI_VERSION="${PULUMI_VERSION:-v3.259.0}"
# The language host is its own Go module with no tags; this is the pseudo-version of the commit of
# pkg/$PULUMI_VERSION. Where the proxy does not serve it, the host is taken from the newest sdk/v3
# release that still carried it inside the sdk module (it moved to its own module in v3.69.0).
LANGUAGE_HOST_MODULE_VERSION="${LANGUAGE_HOST_MODULE_VERSION:-v3.0.0-20260820084410-a05d88f24d05}"
LANGUAGE_HOST_SDK_FALLBACK="${LANGUAGE_HOST_SDK_FALLBACK:-v3.68.0}"
CACHE_ROOT="${PULUMI_AWS_EUC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-aws-euc}"
BIN_DIR="$CACHE_ROOT/pulumi-$PULUMI_VERSION/bin"

if [[ -x "$BIN_DIR/pulumi" && -x "$BIN_DIR/pulumi-language-nodejs" ]]; then echo "$BIN_DIR"; exit 0; fi

log() { printf '[build-pulumi %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
command -v go >/dev/null || { log "Go is needed to build the Pulumi CLI (or install pulumi ${PULUMI_VERSION#v} and put it on PATH)"; exit 1; }

mkdir -p "$CACHE_ROOT"
work="$(mktemp -d "$CACHE_ROOT/build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export GOFLAGS="${GOFLAGS:--mod=mod}" CGO_ENABLED=0
mkdir -p "$work/out"

# Every binary goes through a throwaway wrapper module: the modules carry replace directives, so a
# plain `go install module@version` is refused.
build() { # build <label> <module@version> <package> <version stamp>
  local label="$1" module="$2" package="$3" stamp="$4" dir="$work/$1"
  rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
  go mod init "pulumi-aws-euc-toolchain/$label" >/dev/null 2>&1
  log "$label: fetching $module"
  go get "$module" >"$dir/get.log" 2>&1 || { cat "$dir/get.log" >&2; return 1; }
  log "$label: compiling $package"
  go build -trimpath -tags osusergo \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$stamp" \
    -o "$work/out/$label" "$package" >&2
}

log "building Pulumi $PULUMI_VERSION into $BIN_DIR (a cold build takes a few minutes)"
build pulumi "github.com/pulumi/pulumi/pkg/v3@$PULUMI_VERSION" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$PULUMI_VERSION"

host_module=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3
if ! build pulumi-language-nodejs "$host_module@$LANGUAGE_HOST_MODULE_VERSION" "$host_module" "$PULUMI_VERSION" 2>"$work/host.err"; then
  log "the Go module proxy does not serve $host_module@$LANGUAGE_HOST_MODULE_VERSION:"
  grep -m1 -i 'forbidden\|not available\|error' "$work/host.err" >&2 || true
  log "building the language host of github.com/pulumi/pulumi/sdk/v3@$LANGUAGE_HOST_SDK_FALLBACK instead"
  build pulumi-language-nodejs "github.com/pulumi/pulumi/sdk/v3@$LANGUAGE_HOST_SDK_FALLBACK" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs "$LANGUAGE_HOST_SDK_FALLBACK"
fi

# Publish in one rename so an interrupted or concurrent build never leaves a half-filled cache.
mkdir -p "$(dirname "$BIN_DIR")"
rm -rf "$BIN_DIR.tmp"; mv "$work/out" "$BIN_DIR.tmp"
mv -T "$BIN_DIR.tmp" "$BIN_DIR" 2>/dev/null || rm -rf "$BIN_DIR.tmp"
log "done: $("$BIN_DIR/pulumi" version)"
echo "$BIN_DIR"
