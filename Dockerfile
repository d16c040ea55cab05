# syntax=docker/dockerfile:1
# ECS Operator container image.
#
#   docker build -t ecs-operator .
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/ecs-operator:<tag> --push .
#
# Publish mode: Native AOT (`scripts/publish.sh --aot`): one self-contained native binary, `ecs-operator`, plus the
# EcsOperator*.xml documentation `ecs-operator crds` turns into schema descriptions. No JIT, no IL on disk.
# - The CRD generator (EcsOperator.Api.Crds.SchemaGenerator) and the spec hash (EcsOperator.Core.Hashing.CanonicalJson)
#   read the source-generated System.Text.Json contract (JsonTypeInfo / JsonPropertyInfo) instead of reflecting over
#   types; the AWS and API models use our schema-only SchemaLength/SchemaMinLength/SchemaMaxLength attributes instead
#   of DataAnnotations' (RequiresUnreferencedCode). The AOT publish reports no trimming or AOT warning at all (warnings
#   are errors here), the native binary's `crds` output is byte-identical to crds/, and the canonical forms of every
#   example's requests equal the old reflection walk's (ExampleTranslationTests), so no spec hash moved.
# - tests/EcsOperator.Host.Tests/NativeAotTests starts the binary scripts/test.sh publishes with this same script: it
#   reconciles an object against the API server and the ECS simulator and exits 0 on SIGTERM. Side by side in that
#   test (2026-12-05, loaded 2-core machine): start -> first object Ready 890 ms native vs 1,598 ms JIT; peak RSS
#   69.8 MiB native vs 102.9 MiB JIT.
# - The JIT build stays available (`scripts/publish.sh OUT`, run by ImageTests) for comparison and debugging.
#
# Expected size: the stripped binary is 43 MB plus ~1.2 MB of XML docs, on mcr.microsoft.com/dotnet/runtime-deps:
# 10.0-noble-chiseled (roughly 12-15 MB uncompressed): about 60 MB uncompressed in total, half the JIT image.
# Native code is per architecture: `docker buildx build --platform linux/amd64,linux/arm64` runs the build stage once
# per target platform (no cross-compiling from $BUILDPLATFORM; under emulation that stage is slow).
#
# Runtime contract (deploy/base/deployment.yaml): non-root uid 65532, read-only root filesystem with an emptyDir on
# /tmp, no shell; probes and metrics on :8081.

ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
# The native toolchain the AOT compiler links with.
RUN apt-get update \
    && apt-get install -y --no-install-recommends clang zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /source
# Only what the build needs (.dockerignore keeps bin/, obj/ and tests/ out); the cache mount keeps NuGet packages
# between builds.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY scripts/publish.sh scripts/publish.sh
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    ./scripts/publish.sh --aot /app

# Chiseled runtime-deps: no shell, no package manager, no .NET runtime (the binary carries what it uses), only the
# native libraries it links against. InvariantGlobalization is on, so the non-"extra" variant (no ICU, no tzdata)
# suffices; without tzdata, scheduled-scaling time zones are checked by form only before AWS validates them (use
# runtime-deps:10.0-noble-chiseled-extra to check them against the tz database as well).
FROM mcr.microsoft.com/dotnet/runtime-deps:${DOTNET_VERSION}-noble-chiseled AS runtime
WORKDIR /app
# Owned by root and only readable by the operator's user: the process cannot change its own code.
COPY --from=build /app/ ./
# Nothing writes outside /tmp: no diagnostics IPC socket or dump files (the operator exports /metrics instead), and
# HOME points at the writable emptyDir for anything that insists on one. Workstation GC: one small process (the
# binary embeds the rest of its GC settings, src/EcsOperator/EcsOperator.csproj). Any default Kestrel port is
# cleared: the operator binds its own --health-port.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_NOLOGO=1 \
    HOME=/tmp \
    ASPNETCORE_HTTP_PORTS=
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["/app/ecs-operator"]
CMD ["run"]
