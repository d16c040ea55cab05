# syntax=docker/dockerfile:1
# ECS Operator container image.
#
#   docker build -t ecs-operator .
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/ecs-operator:<tag> --push .
#
# Publish mode: framework-dependent, portable IL (scripts/publish.sh; a test runs that same script and then
# `dotnet ecs-operator.dll crds` from its output). Native AOT (`scripts/publish.sh --aot`) is prepared but not yet what
# this image ships:
# - done: the CRD generator (EcsOperator.Api.Crds.SchemaGenerator) and the spec hash (EcsOperator.Core.Hashing.
#   CanonicalJson) read the source-generated System.Text.Json contract (JsonTypeInfo / JsonPropertyInfo) instead of
#   reflecting over types; the AWS and API models use our schema-only SchemaLength/SchemaMinLength/SchemaMaxLength
#   attributes instead of DataAnnotations' (RequiresUnreferencedCode); JsonArray.Add<T> calls take JsonNode; the
#   managed controller registration declares the constructor DI needs. Generated CRDs are byte-identical to crds/ and
#   the canonical forms of every example's requests equal the old reflection walk's (ExampleTranslationTests).
#   `scripts/publish.sh --aot` compiles and links with no warning at all (the whole-program ILC trimming analysis
#   included); the native binary's `crds` output is byte-identical to crds/ and it reconciles an object against the
#   API server and the ECS simulator (tests/EcsOperator.Host.Tests/NativeAotTests, run by scripts/test.sh, which
#   publishes the binary beside the tests). Measured side by side in that test (2026-12-05, loaded 2-core machine):
#   start -> first object Ready 890 ms native vs 1,598 ms JIT; peak RSS 69.8 MiB native vs 102.9 MiB JIT; the
#   stripped binary is 43 MB; the AOT publish took 35 min on the loaded machine.
# - left: this image still ships the JIT build. Shipping the native binary needs the build stage to carry the native
#   toolchain (clang, zlib1g-dev), to build per target architecture (no cross-compiling from $BUILDPLATFORM), and
#   runtime-deps:10.0-noble-chiseled as the base with ENTRYPOINT ["/app/ecs-operator"]; ImageTests then has to hold
#   the Dockerfile to `publish.sh --aot`.
#
# Expected size: the publish output is ~10 MB (9.6 MB measured, ~6 MB of it our assemblies, PDBs and the XML docs that
# `crds` turns into schema descriptions; the host's OpenTelemetry packages add ~1 MB) on top of mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled (roughly
# 110-120 MB uncompressed, ~45 MB compressed, per the published image): about 120-130 MB uncompressed in total.
# Being portable IL, the build stage runs once on the build platform and serves every target architecture.
#
# Runtime contract (deploy/base/deployment.yaml): non-root uid 65532, read-only root filesystem with an emptyDir on
# /tmp, no shell; probes and metrics on :8081.

ARG DOTNET_VERSION=10.0

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION}-noble AS build
WORKDIR /source
# Only what the build needs (.dockerignore keeps bin/, obj/ and tests/ out); the cache mount keeps NuGet packages
# between builds.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
COPY scripts/publish.sh scripts/publish.sh
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    ./scripts/publish.sh /app

# Chiseled: no shell, no package manager, only what the .NET runtime needs (plus ASP.NET Core for the health and
# metrics endpoint). InvariantGlobalization is on, so the non-"extra" variant (no ICU, no tzdata) suffices; without
# tzdata, scheduled-scaling time zones are checked by form only before AWS validates them (use
# aspnet:10.0-noble-chiseled-extra to check them against the tz database as well).
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled AS runtime
WORKDIR /app
# Owned by root and only readable by the operator's user: the process cannot change its own code.
COPY --from=build /app/ ./
# Nothing writes outside /tmp: no diagnostics IPC socket or dump files (the operator exports /metrics instead), and
# HOME points at the writable emptyDir for anything that insists on one. Workstation GC: one small process. The
# base image's default Kestrel port (8080) is cleared: the operator binds its own --health-port.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0 \
    DOTNET_NOLOGO=1 \
    HOME=/tmp \
    ASPNETCORE_HTTP_PORTS=
USER 65532:65532
EXPOSE 8081
ENTRYPOINT ["dotnet", "/app/ecs-operator.dll"]
CMD ["run"]
