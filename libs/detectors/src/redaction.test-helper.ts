import type { Inspector } from './inspector';

/** For the specs: letters and digits of `value` (found in `text`) that `inspector`'s findings leave visible after redaction. */
export function visibleAfterRedaction(inspector: Inspector, text: string, value: string): number {
  const start = text.indexOf(value);
  const fs = inspector.inspect(text);
  let n = 0;
  for (let i = start; i < start + value.length; i++) if (/[\p{L}\p{N}]/u.test(text[i]!) && !fs.some((f) => f.start <= i && i < f.end)) n++;
  return n;
}
