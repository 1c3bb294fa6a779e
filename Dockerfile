# syntax=docker/dockerfile:1
# Multi-stage build of the Airlock API with the admin console it serves.
# docker build -t airlock . && docker run -e DATABASE_URL=postgresql://... -p 3000:3000 airlock

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so dependency layers are cached across source changes.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/admin/package.json apps/admin/
COPY libs/policy-engine/package.json libs/policy-engine/
COPY libs/detectors/package.json libs/detectors/
COPY libs/contracts/package.json libs/contracts/
COPY libs/decision-core/package.json libs/decision-core/
COPY libs/file-text/package.json libs/file-text/
COPY libs/discovery/package.json libs/discovery/
COPY libs/sdk/package.json libs/sdk/
COPY prisma prisma
COPY prisma.config.ts ./
COPY scripts/prisma-generate.mjs scripts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules node_modules
COPY --from=build --chown=node:node /app/prisma prisma
COPY --from=build --chown=node:node /app/apps/api/package.json apps/api/package.json
COPY --from=build --chown=node:node /app/apps/api/dist apps/api/dist
COPY --from=build --chown=node:node /app/apps/admin/dist apps/admin/dist
COPY --from=build --chown=node:node /app/libs/policy-engine/package.json libs/policy-engine/package.json
COPY --from=build --chown=node:node /app/libs/policy-engine/dist libs/policy-engine/dist
COPY --from=build --chown=node:node /app/libs/detectors/package.json libs/detectors/package.json
COPY --from=build --chown=node:node /app/libs/detectors/dist libs/detectors/dist
COPY --from=build --chown=node:node /app/libs/contracts/package.json libs/contracts/package.json
COPY --from=build --chown=node:node /app/libs/contracts/dist libs/contracts/dist
COPY --from=build --chown=node:node /app/libs/decision-core/package.json libs/decision-core/package.json
COPY --from=build --chown=node:node /app/libs/decision-core/dist libs/decision-core/dist
COPY --from=build --chown=node:node /app/libs/file-text/package.json libs/file-text/package.json
COPY --from=build --chown=node:node /app/libs/file-text/dist libs/file-text/dist
COPY --from=build --chown=node:node /app/libs/discovery/package.json libs/discovery/package.json
COPY --from=build --chown=node:node /app/libs/discovery/dist libs/discovery/dist
COPY --from=build --chown=node:node /app/libs/sdk/package.json libs/sdk/package.json
COPY --from=build --chown=node:node /app/libs/sdk/dist libs/sdk/dist
# The last-known-good state (AIRLOCK_STATE_DIR): an instance restarted while PostgreSQL is down
# answers decisions from it, marked stale. Mount a volume here to keep it across containers.
ENV AIRLOCK_STATE_DIR=/var/lib/airlock/state
RUN mkdir -p /var/lib/airlock/state && chown -R node:node /var/lib/airlock && chmod 700 /var/lib/airlock/state
VOLUME ["/var/lib/airlock/state"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM: the API stops accepting, flushes decision logs, closes the database pool.
STOPSIGNAL SIGTERM
CMD ["node", "apps/api/dist/main.js"]
