# cqo-registry: multi-stage build. No Docker engine runs on the development machines; this file is kept
# exact and simple. Build: docker build -t cqo-registry .   Run: docker run -p 8080:8080 -v cqo-data:/data cqo-registry

# --- build: Swift 6.3 on Debian 12, dependencies resolved in their own layer ---
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-dev libssl-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
RUN swift package resolve
COPY Sources ./Sources
COPY Plugins ./Plugins
COPY Migrations ./Migrations
COPY openapi.yaml ./
RUN swift build -c release --product cqo-registry --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/cqo-registry" /usr/local/bin/cqo-registry

# --- runtime: slim Debian with the two shared libraries, a non-root user, the database on a volume ---
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libsqlite3-0 libssl3 zlib1g curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin cqo \
    && mkdir -p /data && chown cqo:cqo /data
COPY --from=build /usr/local/bin/cqo-registry /usr/local/bin/cqo-registry
USER cqo
WORKDIR /data
VOLUME ["/data"]
ENV CQO_HOST=0.0.0.0 CQO_PORT=8080 CQO_DB=/data/cqo-registry.sqlite
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["cqo-registry"]
CMD ["serve"]
