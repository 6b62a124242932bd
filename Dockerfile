# factd in a container: the bundled corpus, ingested at build time, served on port 8080.
#
#   docker build -t factd .
#   docker run --rm -p 8080:8080 factd
#
# The build stage does what a developer does on a fresh Debian machine (`make deps`, `make`);
# the runtime stage keeps only the shared libraries the binary links against.

FROM debian:bookworm AS build
# `make deps` needs make itself; it installs everything else listed in the Makefile.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends make \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The Makefile alone first, so that the package layer is reused while only the code changes.
COPY Makefile ./
RUN make deps && rm -rf /var/lib/apt/lists/*
COPY . .
RUN make

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libmicrohttpd12 libjansson4 libsqlite3-0 libpq5 libpcre2-8-0 libssl3 zlib1g curl \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system factd \
 && useradd --system --gid factd --home-dir /var/lib/factd --shell /usr/sbin/nologin factd \
 && install -d -o factd -g factd -m 0755 /var/lib/factd
COPY --from=build /src/build/factd /usr/local/bin/factd
COPY --from=build /src/openapi.yaml /usr/share/factd/openapi.yaml
COPY --from=build /src/web/ /usr/share/factd/web/
COPY --from=build /src/corpus/ /usr/share/factd/corpus/

USER factd
# openapi.yaml and the dashboard are built into the binary; the copies here are for reading.
WORKDIR /usr/share/factd
# The database is built into the image, so a container answers as soon as it starts.
RUN factd ingest --db /var/lib/factd/facts.db corpus

EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD curl -fsS -o /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["factd"]
CMD ["serve", "--db", "/var/lib/factd/facts.db", "--listen", "0.0.0.0", "--port", "8080"]
