/** File extensions that say what an upload holds before anyone reads it. */
const EXTENSION_CLASSES: Record<string, string> = Object.fromEntries([
  ...['js', 'mjs', 'cjs', 'ts', 'tsx', 'jsx', 'py', 'java', 'kt', 'go', 'rs', 'c', 'h', 'cc', 'cpp', 'hpp', 'cs', 'rb', 'php', 'swift', 'scala', 'sql', 'sh', 'ps1'].map((e) => [e, 'source_code']),
  ...['pem', 'key', 'p12', 'pfx', 'jks', 'keystore', 'kdbx', 'env'].map((e) => [e, 'credentials']),
]);

/** The data class a file name implies (`.pem` -> credentials, `.py` -> source code), or undefined. */
export function extensionClass(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  if (base === '.env' || base.startsWith('.env.') || base === 'id_rsa' || base === 'id_ed25519') return 'credentials';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? EXTENSION_CLASSES[base.slice(dot + 1)] : undefined;
}
