import type { DataClassId } from './data-class';

/** One piece of sensitive data found in a text. Offsets are UTF-16 code units, `end` exclusive. */
export interface Finding {
  dataClass: DataClassId;
  /** Stable detector id, e.g. `payment-card` or `custom:<id>` for an organization's detector. */
  detector: string;
  start: number;
  end: number;
  /** 0..1; findings under the inspector's minimum confidence are dropped. */
  confidence: number;
}
