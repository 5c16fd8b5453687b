# syntax=docker/dockerfile:1.7
# One Dockerfile, one small image per Lantern service: pick it with --target.
#
#   docker build --target registration -t lantern/registration .
#   docker run --rm lantern/registration migrate     # apply its migrations, then exit
#   docker run lantern/registration                  # serve (the default command)
#
# Targets: edge, registration, devices, partners, notifications, web. Each image holds only its own service, the
# shared library and their locked dependencies (from uv.lock, never re-resolved), runs as an unprivileged
# user (uid 10001) and has no build tools. docker-compose.yml and deploy/k8s/ use these targets.

ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm
ARG UV_IMAGE=ghcr.io/astral-sh/uv:0.13.9

FROM ${UV_IMAGE} AS uv

# ---------------------------------------------------------------------------------------------- build
FROM ${PYTHON_IMAGE} AS build-base
COPY --from=uv /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /src
# The workspace's manifests first: the dependency layers are rebuilt only when the lock or a manifest changes.
COPY pyproject.toml uv.lock ./
COPY shared/pyproject.toml shared/
COPY services/registration/pyproject.toml services/registration/
COPY services/devices/pyproject.toml services/devices/
COPY services/partners/pyproject.toml services/partners/
COPY services/notifications/pyproject.toml services/notifications/
COPY services/edge/pyproject.toml services/edge/
COPY deploy/local/pyproject.toml deploy/local/
COPY frontends/web/pyproject.toml frontends/web/

# One stage per service: its locked dependencies first (cached until uv.lock changes), then its code.
# --no-editable installs the service and the shared library into the venv as wheels, so the runtime stage needs
# only /app/.venv (migrations, templates and schemas are package data inside the wheels).
FROM build-base AS build-edge
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-edge
COPY shared/ shared/
COPY services/edge/ services/edge/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-edge \
 && /app/.venv/bin/python -c "import lantern_edge.app"

FROM build-base AS build-registration
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-registration
COPY shared/ shared/
COPY services/registration/ services/registration/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-registration \
 && /app/.venv/bin/python -c "import lantern_registration.app"

FROM build-base AS build-devices
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-devices
COPY shared/ shared/
COPY services/devices/ services/devices/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-devices \
 && /app/.venv/bin/python -c "import lantern_devices.app"

FROM build-base AS build-partners
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-partners
COPY shared/ shared/
COPY services/partners/ services/partners/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-partners \
 && /app/.venv/bin/python -c "import lantern_partners.app"

FROM build-base AS build-notifications
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-notifications
COPY shared/ shared/
COPY services/notifications/ services/notifications/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-notifications \
 && /app/.venv/bin/python -c "import lantern_notifications.app"

# The web app: its static assets from npm (package-lock.json), built with Node, which stays out of the image.
FROM node:20.18-bookworm-slim AS web-assets
WORKDIR /src/frontends/web
COPY frontends/web/package.json frontends/web/package-lock.json ./
COPY frontends/web/scripts/build_assets.sh scripts/
RUN mkdir -p lantern_web/static && bash scripts/build_assets.sh

FROM build-base AS build-web
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-install-workspace --package lantern-web
COPY frontends/web/ frontends/web/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --locked --no-dev --no-editable --package lantern-web \
 && /app/.venv/bin/python -c "import lantern_web.app"
COPY --from=web-assets /src/frontends/web/lantern_web/static/vendor /app/.venv/lib/python3.11/site-packages/lantern_web/static/vendor

# -------------------------------------------------------------------------------------------- runtime
FROM ${PYTHON_IMAGE} AS runtime
RUN groupadd --system --gid 10001 lantern \
 && useradd --system --uid 10001 --gid lantern --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin lantern
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
USER 10001:10001
# The liveness probe every target inherits; LANTERN_HEALTH_URL is set per target below.
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(os.environ['LANTERN_HEALTH_URL'], timeout=4)"]
CMD ["serve"]

FROM runtime AS edge
COPY --from=build-edge --chown=root:root /app/.venv /app/.venv
ENV LANTERN_EDGE_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8000/health/live
EXPOSE 8000
ENTRYPOINT ["python", "-m", "lantern_edge"]

FROM runtime AS registration
COPY --from=build-registration --chown=root:root /app/.venv /app/.venv
ENV LANTERN_REGISTRATION_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8001/health/live
EXPOSE 8001
ENTRYPOINT ["python", "-m", "lantern_registration"]

FROM runtime AS devices
COPY --from=build-devices --chown=root:root /app/.venv /app/.venv
ENV LANTERN_DEVICES_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8002/health/live
EXPOSE 8002
ENTRYPOINT ["python", "-m", "lantern_devices"]

FROM runtime AS partners
COPY --from=build-partners --chown=root:root /app/.venv /app/.venv
ENV LANTERN_PARTNERS_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8003/health/live
EXPOSE 8003
ENTRYPOINT ["python", "-m", "lantern_partners"]

FROM runtime AS notifications
COPY --from=build-notifications --chown=root:root /app/.venv /app/.venv
ENV LANTERN_NOTIFICATIONS_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8004/health/live
EXPOSE 8004
ENTRYPOINT ["python", "-m", "lantern_notifications"]

FROM runtime AS web
COPY --from=build-web --chown=root:root /app/.venv /app/.venv
ENV LANTERN_WEB_HTTP_HOST=0.0.0.0 LANTERN_HEALTH_URL=http://127.0.0.1:8050/health/live
EXPOSE 8050
ENTRYPOINT ["python", "-m", "lantern_web"]
