#!/usr/bin/env bash
# The README's test command (`npm test`, run by .ci/run): Prettier's format check and the linter
# over the whole repository, then every test. A format or lint violation fails it before any test
# runs, so no test-results.json is left behind to read as a green run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -f .pulumi-local/test-results.json

if ! prettier --check --log-level warn .; then
  echo "npm test: FAILED the format check: the files above differ from Prettier's layout (npm run format rewrites them)" >&2
  exit 1
fi
if ! eslint --max-warnings 0 .; then
  echo "npm test: FAILED lint: fix the errors above (npm run lint shows them again)" >&2
  exit 1
fi
exec vitest run "$@"
