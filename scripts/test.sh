#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, builds, tests, prints one summary line.
# Exit status is dotnet test's: non-zero when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

# moto_server is the independent ECS + Application Auto Scaling emulator the wire-format tests run against.
if ! command -v moto_server >/dev/null 2>&1; then
  echo "moto_server not found: installing moto[server] with pip" >&2
  python3 -m pip install --quiet "moto[server]" || {
    echo "error: could not install moto[server]; install it (pip install 'moto[server]') and rerun" >&2
    exit 1
  }
fi

# lua5.4 runs the Argo CD health checks in deploy/argocd (tests/EcsOperator.Deploy.Tests).
if ! command -v lua5.4 >/dev/null 2>&1; then
  echo "lua5.4 not found: installing it with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  { $sudo apt-get install -y --no-install-recommends lua5.4 >/dev/null 2>&1 \
      || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends lua5.4 >/dev/null 2>&1; }; } || {
    echo "error: could not install lua5.4; install it (apt-get install lua5.4) and rerun" >&2
    exit 1
  }
fi

# kubectl runs the commands the playground prints against it (tests/EcsOperator.Deploy.Tests/Docs/ReadmeCommandPlaygroundTests).
# It needs 1.27 or later (it must find server-side field validation through OpenAPI v3); Debian's own
# kubernetes-client (1.20) validates on the client with OpenAPI v2, which the playground's API server does not serve.
if ! command -v kubectl >/dev/null 2>&1; then
  echo "kubectl not found: installing it with apt-get" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
  { $sudo apt-get install -y --no-install-recommends kubectl >/dev/null 2>&1 \
      || { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends kubectl >/dev/null 2>&1; }; } || {
    echo "error: could not install kubectl; install kubectl 1.27 or later and rerun" >&2
    exit 1
  }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet build Operator.sln -c "$configuration" --nologo -v quiet

# The Native AOT binary the image ships; tests/EcsOperator.Host.Tests/NativeAotTests starts it. Its compiler takes
# minutes, so it runs beside the tests, from a copy of the sources: a publish the tests run themselves (ImageTests)
# then never rewrites an assembly the AOT compiler is reading. The test waits for $ECS_OPERATOR_AOT_PUBLISH_RC.
if [ -z "${ECS_OPERATOR_AOT_BINARY:-}" ]; then
  aot="$(mktemp -d)"
  trap 'rm -f "$log"; rm -rf "$aot"' EXIT
  mkdir -p "$aot/source"
  tar --exclude=bin --exclude=obj -cf - Directory.Build.props Directory.Packages.props .editorconfig scripts/publish.sh src \
    | tar -xf - -C "$aot/source"
  ( start=$SECONDS
    rc=0; "$aot/source/scripts/publish.sh" --aot "$aot/out" >"$aot/publish.log" 2>&1 || rc=$?
    echo "Native AOT publish (beside the tests): exit $rc after $((SECONDS - start)) s" >>"$aot/publish.log"
    echo "$rc" >"$aot/publish.rc" ) &
  export ECS_OPERATOR_AOT_BINARY="$aot/out/ecs-operator" ECS_OPERATOR_AOT_PUBLISH_RC="$aot/publish.rc"
fi
status=0
dotnet test Operator.sln -c "$configuration" --no-build --nologo "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line summed over the test projects (VSTest prints one "Passed!/Failed!" line per project). A test
# process that crashed or aborted still prints "Passed!" for the results it sent, so the line says so too.
awk '/(Passed|Failed)!  *- *Failed: /{
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
       }
     }
     /Catastrophic failure|Test Run Aborted/ { c++ }
     END {
       gsub(",", "", p); printf "Tests: %d passed, %d failed, %d skipped", p, f, s
       if (c > 0) printf "; %d test process(es) crashed or aborted (see \"Catastrophic failure\" above)", c
       printf "\n"
     }' "$log"
if [ -n "${aot:-}" ]; then
  wait
  tail -n 1 "$aot/publish.log"
fi
exit "$status"
