import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet would set, computed once: none of them depends on the request, and running
 * helmet per request (re-serialising the CSP each time) cost a visible share of decision latency.
 */
export function computeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
    getHeader(name: string) {
      return headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as never, res as never, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}

/**
 * The headers for the machine API under /v1 (decisions, bundle, client incidents): JSON read by
 * programs, never rendered as a page, so the browser-page set above mostly does not apply. This is
 * the set the OWASP REST Security Cheat Sheet lists for API responses; HSTS comes along when the
 * page set has it. Fewer headers per answer is also measurably cheaper on the decision path
 * (each one is validated and written on every response: docs/benchmarks.md).
 */
export function machineApiHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    ...(pageHeaders['strict-transport-security'] ? { 'strict-transport-security': pageHeaders['strict-transport-security'] } : {}),
  };
}
