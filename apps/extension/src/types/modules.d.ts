// Declarations for the modules the extension imports without types of their own.

declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

declare module 'mammoth/mammoth.browser.js' {
  export function extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

/**
 * libs/sdk/src/client.ts (used for the bundle fetch) imports a type from directory.ts, which hashes
 * with Node's crypto; the extension never runs that code (it hashes with WebCrypto, decide.ts).
 * This lets the browser typecheck see the file until the decision core stands alone.
 */
declare module 'node:crypto' {
  export function createHash(algorithm: string): { update(data: string): { digest(encoding: string): string } };
}
