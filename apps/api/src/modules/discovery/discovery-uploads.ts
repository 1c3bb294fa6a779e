import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../common/errors';

/** The one route that takes a body as a stream (a log file of any size). */
export const DISCOVERY_UPLOAD_PATH = '/api/discovery/imports';

/** The media types a log file may be sent as (gzip is recognised by its first bytes, whatever the type). */
export const DISCOVERY_UPLOAD_TYPES = ['application/octet-stream', 'application/gzip', 'application/x-gzip', 'text/csv', 'application/x-ndjson', 'text/tab-separated-values'];

const uploading = new WeakSet<Socket>();

/**
 * Connections streaming a discovery upload. AIRLOCK_REQUEST_TIMEOUT_SECONDS bounds how long a whole
 * request may take to arrive, which a log of hundreds of MB over a slow link exceeds: server.ts
 * lets such a connection's request timeout pass, and the import's own idle timeout (nothing received
 * for 60 s) bounds it instead.
 */
export function markUploading(socket: Socket | null | undefined): () => void {
  if (!socket) return () => undefined;
  uploading.add(socket);
  return () => uploading.delete(socket);
}

export function isUploading(socket: Socket): boolean {
  return uploading.has(socket);
}

/**
 * The upload route's body is the request stream itself, never buffered: Fastify hands it to the
 * handler unread. Other routes refuse these media types.
 */
export function registerDiscoveryUploads(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(DISCOVERY_UPLOAD_TYPES, (request, payload, done) => {
    if (request.method === 'POST' && request.routeOptions.url === DISCOVERY_UPLOAD_PATH) done(null, payload);
    else done(new AppError('unsupported_media_type', 'This endpoint takes JSON (Content-Type: application/json)'), undefined);
  });
}
