#!/usr/bin/env bash
# Publishes the operator exactly as the container image is built: the Dockerfile runs this script, and
# tests/EcsOperator.Deploy.Tests runs it too, so a publish that breaks fails a test instead of a release.
#
# Framework-dependent and portable (no RID, no apphost): the image runs `dotnet ecs-operator.dll` on the ASP.NET Core
# runtime image, and one build serves amd64 and arm64 alike. Not Native AOT / trimmed: see the Dockerfile header.
# Usage: scripts/publish.sh OUTPUT_DIR
set -euo pipefail
output="${1:?usage: scripts/publish.sh OUTPUT_DIR}"
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
exec dotnet publish src/EcsOperator/EcsOperator.csproj -c Release -p:UseAppHost=false --nologo -o "$output"
