# Multi-stage build of the PainGraph API: compile with dev dependencies, run with production ones only.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY seed ./seed
COPY neo4j-launcher ./neo4j-launcher
COPY schema ./schema
# The offline explorer (GraphiQL) is bundled from explorer/ into dist/explorer by the build.
COPY explorer ./explorer
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
# Heap limits sized to the API's needs (docs/operations.md, "Running in production"); override through NODE_OPTIONS.
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=32"
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY seed ./seed
# The operations PERSISTED_QUERIES_ONLY=true answers (npm run safelist).
COPY schema/safelist.json ./schema/
# The embeddable widget (latest and released versions), its demo, manifest and typings, served at /widget/.
COPY widget ./widget
COPY neo4j-launcher/neo4j.conf neo4j-launcher/pom.xml ./neo4j-launcher/
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# With NEO4J_URI set, start.js starts no database: it seeds the graph when needed and runs the API.
CMD ["node", "dist/scripts/start.js"]
