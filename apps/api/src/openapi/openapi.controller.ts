import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Inject, Param, Res } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { AppError } from '../common/errors';
import { repoPath } from '../common/paths';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Authenticated, Public } from '../modules/auth/access.decorators';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document';
import { discoverAppRoutes } from './routes';

/** The reference page: Swagger UI from the swagger-ui-dist package, served here (no CDN), scripts from files (CSP script-src 'self'). */
const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Airlock API reference</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
`;

/**
 * No validator badge (it would call an outside service); requests from "Try it out" carry the session
 * cookie. The filter box (by tag) because Swagger UI virtualizes a list of 150+ tags and operations,
 * which find-in-page cannot search (ADR 0014).
 */
const INIT_SCRIPT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  withCredentials: true,
  filter: true,
  presets: [SwaggerUIBundle.presets.apis],
});
`;

const ASSETS: Record<string, { type: string; file?: string; text?: string }> = {
  'swagger-ui-bundle.js': { type: 'application/javascript; charset=utf-8', file: 'swagger-ui-bundle.js' },
  'swagger-ui.css': { type: 'text/css; charset=utf-8', file: 'swagger-ui.css' },
  'init.js': { type: 'application/javascript; charset=utf-8', text: INIT_SCRIPT },
};

/**
 * GET /openapi.json (public: it describes routes, schemas and access rules, never data or
 * secrets, so client generators and gateways can fetch it without a session) and the reference
 * page at /docs for signed-in staff.
 */
@Controller()
export class OpenApiController {
  private document: OpenApiDocument | undefined;
  private readonly assets = new Map<string, Buffer>();

  constructor(
    private readonly modules: ModulesContainer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('openapi.json')
  openapi(): OpenApiDocument {
    // The routes do not change once the application has started: built once, on first request.
    this.document ??= buildOpenApiDocument(discoverAppRoutes(this.modules), { version: apiVersion(), serverUrl: this.config.publicUrl });
    return this.document;
  }

  @Authenticated({ permission: 'dashboard.read' })
  @Get('docs')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-cache')
  docs(): string {
    return DOCS_PAGE;
  }

  @Public()
  @Get('docs/assets/:file')
  asset(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new AppError('not_found', `No such file: ${file.slice(0, 100)}`);
    let bytes = this.assets.get(file);
    if (!bytes) {
      bytes = asset.text !== undefined ? Buffer.from(asset.text) : readFileSync(path.join(swaggerUiDir(), asset.file!));
      this.assets.set(file, bytes);
    }
    void reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600');
    return bytes;
  }
}

function swaggerUiDir(): string {
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

function apiVersion(): string {
  try {
    return (JSON.parse(readFileSync(repoPath('apps', 'api', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
