/** Types of dns-stub.mjs (a plain module so that the browser scenarios' runner can use it too). */
export interface DnsStub {
  /** `127.0.0.1:<port>`, as AIRLOCK_DNS_SERVERS takes it. */
  server: string;
  txt: Map<string, string[]>;
  mode: 'answer' | 'silent' | 'servfail';
  queries: string[];
  close(): Promise<void>;
}
export function startDnsStub(): Promise<DnsStub>;
