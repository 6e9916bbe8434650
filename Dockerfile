# syntax=docker/dockerfile:1
# One image for the four services; docker-compose.yml picks the app with `command`:
#   node -r ./tools/register.js apps/<app>/src/main.ts
# There is no build step: TypeScript is compiled in memory by SWC at startup (tools/register.js).
# That is also why this is a full `npm ci` (dev dependencies included): @swc-node/register
# reads tsconfig.json with the `typescript` package, which is a devDependency.
FROM node:20-bookworm-slim

WORKDIR /app

# Dependencies first, so this layer is only rebuilt when the lockfile changes.
# (No NODE_ENV=production here: npm ci would then skip the dev dependencies we need.)
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund && npm cache clean --force

# Source (see .dockerignore for what stays out: node_modules, .git, .env, local data...).
COPY . .

ENV NODE_ENV=production
# Unprivileged user from the base image. SWC's transform cache goes to /tmp.
USER node

EXPOSE 3000 3001 3002 3003
CMD ["node", "-r", "./tools/register.js", "apps/gateway/src/main.ts"]
