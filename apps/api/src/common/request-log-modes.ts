/**
 * `AIRLOCK_REQUEST_LOG`:
 * - `auto` (default): one line per request on the console, portal and admin API; on the machine
 *   routes (`/v1/...` and `/gateway/...`, where every prompt is a request and the decision log
 *   already records each one) only the requests that failed or were slow, plus one summary line a
 *   minute;
 * - `all`: one line per request everywhere;
 * - `errors`: only failed or slow requests everywhere, plus the summary;
 * - `off`: no request lines (the error filter still logs every server error).
 */
export const REQUEST_LOG_MODES = ['auto', 'all', 'errors', 'off'] as const;
export type RequestLogMode = (typeof REQUEST_LOG_MODES)[number];
