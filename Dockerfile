# Chronicle: multi-stage image. Build:  docker build -t chronicle .
# Run:    docker run --rm -p 8080:8080 -v chronicle-data:/data chronicle
#
# Both stages are Debian 12 (bookworm): the official Swift image is built FROM debian:12, so the
# runtime's shared libraries (libcurl, zlib, libstdc++) are the ones the binary was linked against.

# ---------------------------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------------------------
FROM swift:6.3.1-bookworm AS build

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Headers for FoundationNetworking (libcurl) and the CZlib system-library target.
# Versions are not pinned on purpose (DL3008): Debian keeps only the newest point release of each
# package in bookworm and bookworm-security, so an exact pin stops resolving at the next security
# update and breaks the build; the base image tag above is the pin that matters.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcurl4-openssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build

# Resolve dependencies in their own layer: it is rebuilt only when the manifest changes.
# (Package.resolved is copied too when the build context has one.)
COPY Package.* ./
RUN swift package resolve

# SwiftPM loads every target of the manifest, test targets included, so Tests/ must be present
# even though only the `chronicle` product is built.
COPY Sources/ ./Sources/
COPY Tests/ ./Tests/
RUN swift build -c release --static-swift-stdlib --product chronicle

# Stage the binary, its resource bundles (chronicle_ChroniclePipeline.resources, ...: Bundle.module
# looks for them beside the executable) and the static crash backtracer.
WORKDIR /staging
RUN bin_path="$(swift build -c release --package-path /build --show-bin-path)" \
    && cp "${bin_path}/chronicle" ./ \
    && find -L "${bin_path}" -maxdepth 1 -type d -name '*.resources' -exec cp -R {} ./ \; \
    && cp /usr/libexec/swift/linux/swift-backtrace-static ./ \
    && ls -la /staging

# ---------------------------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------------------------
FROM debian:bookworm-slim AS runtime

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# Only what a statically linked Swift binary still loads at run time: libcurl (FoundationNetworking),
# zlib, CA certificates for HTTPS and tzdata for time zones; curl for the HEALTHCHECK below.
# Versions are not pinned on purpose (DL3008): see the build stage.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libcurl4 zlib1g ca-certificates tzdata curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --gid 10001 chronicle \
    && useradd --uid 10001 --gid 10001 --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin chronicle \
    && mkdir -p /data \
    && chown chronicle:chronicle /data

WORKDIR /app

# Binary and bundles stay owned by root: the service user can read and run them, not change them.
COPY --from=build /staging/ /app/
COPY config/ /app/config/

ENV CHRONICLE_DATA_DIR=/data \
    CHRONICLE_HOST=0.0.0.0 \
    CHRONICLE_PORT=8080 \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/app/swift-backtrace-static

VOLUME /data
EXPOSE 8080

# Numeric ids (the `chronicle` user created above), so runtimes can verify the user is not root.
USER 10001:10001

# curl is installed above for this check; it follows CHRONICLE_PORT if that is overridden at run time.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/bin/sh", "-c", "curl -fsS -o /dev/null \"http://127.0.0.1:${CHRONICLE_PORT:-8080}/healthz\" || exit 1"]

ENTRYPOINT ["/app/chronicle"]
CMD ["serve"]
