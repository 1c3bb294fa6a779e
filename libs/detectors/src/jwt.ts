/** Decode base64url to a latin1 string, or undefined when it is not base64url. */
export function base64UrlDecode(s: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return undefined;
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
  try {
    return atob(b64 + '==='.slice((b64.length + 3) % 4));
  } catch {
    return undefined;
  }
}

/** True when `header` (first JWT segment) decodes to a JSON object with a string "alg". */
export function jwtHeaderValid(header: string): boolean {
  const json = base64UrlDecode(header);
  if (json === undefined) return false;
  try {
    const h: unknown = JSON.parse(json);
    return typeof h === 'object' && h !== null && typeof (h as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** The jwt.io sample token's payload: published everywhere, never a real credential. */
export const JWT_IO_SAMPLE_PAYLOAD = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ';
