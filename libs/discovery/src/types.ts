/** The log formats an import can be read as (`auto` asks detectFormat). */
export const DISCOVERY_FORMATS = ['squid', 'squid-common', 'zscaler-csv', 'zscaler-json', 'bind', 'unbound', 'zeek', 'csv'] as const;
export type DiscoveryFormat = (typeof DISCOVERY_FORMATS)[number];

/** One request or query read from a log line: what discovery keeps of it, nothing more. */
export interface LogRecord {
  /** Milliseconds since the epoch (UTC). */
  time: number;
  /** The destination as the log wrote it: a host, `host:port` or a URL (extractHost normalizes it). */
  destination: string;
  /** The authenticated user the log names, when it names one. */
  user: string | null;
  /** The client's address, when the log has one. */
  ip: string | null;
  /** Bytes the client sent (request size), when the format records it. */
  bytesOut: number | null;
  /** A DNS answer line (Unbound log-replies): counted only when the log has no query lines. */
  reply?: boolean;
}

/** A line that looks like the format but cannot be read: the reason, never the line itself. */
export interface BadLine {
  bad: string;
}

/** What a parser makes of one line: a record, a bad line, or null for a line it skips (comments, headers, other messages). */
export type LineResult = LogRecord | BadLine | null;

export interface LineParser {
  readonly format: DiscoveryFormat;
  parse(line: string): LineResult;
}

export interface ParserOptions {
  /**
   * "Now", for formats whose timestamps carry no year (syslog's `Dec  3 10:00:00`): the year is
   * the one that puts the time at most a day after now. Also the upper bound of a plausible time.
   */
  now?: number;
}

export function isBad(r: LineResult): r is BadLine {
  return r !== null && (r as BadLine).bad !== undefined;
}
