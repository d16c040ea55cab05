#!/usr/bin/env bash
# Publishes the operator exactly as the container image is built: the Dockerfile runs `publish.sh --aot /app`, and
# scripts/test.sh runs that too (NativeAotTests start the binary), so a publish that breaks fails a test, not a release.
#
# --aot (the image): Native AOT for the build host's architecture (RID=linux-arm64 to override): one native binary,
# `ecs-operator`, plus the EcsOperator*.xml documentation `ecs-operator crds` reads. Trimming and AOT warnings are
# errors (Directory.Build.props).
# Default (JIT, for comparison and debugging; tests/EcsOperator.Deploy.Tests runs it): framework-dependent and
# portable (no RID, no apphost), run as `dotnet ecs-operator.dll` on the ASP.NET Core runtime.
# Usage: scripts/publish.sh [--aot] OUTPUT_DIR
set -euo pipefail
mode=jit
if [[ "${1:-}" == "--aot" ]]; then
  mode=aot
  shift
fi
output="${1:?usage: scripts/publish.sh [--aot] OUTPUT_DIR}"
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [[ "$mode" == jit ]]; then
  exec dotnet publish src/EcsOperator/EcsOperator.csproj -c Release -p:UseAppHost=false --nologo -o "$output"
fi
rid="${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}"
# The native build's symbols (ecs-operator.dbg, as large as the binary) and the PDBs stay out of the output.
dotnet publish src/EcsOperator/EcsOperator.csproj -c Release -r "$rid" -p:PublishAot=true -p:StripSymbols=true \
  --nologo -o "$output"
rm -f "$output"/*.dbg "$output"/*.pdb
