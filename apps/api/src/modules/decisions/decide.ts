import { type DecisionRequestInput, MAX_CONTENT_BYTES } from '@airlock/contracts';
import { type DecideOptions, decideLocally, exceedsUtf8Bytes, type LocalDecision } from '@airlock/decision-core';
import { AppError } from '../../common/errors';
import type { CompiledPolicy } from '../policy/compiled-policy';

/**
 * One decision on the server: the size check, then the same pure function the SDK's local
 * evaluation and the browser extension run (libs/decision-core decideLocally: detectors the policy
 * needs, client classes, file-name class, evaluation, time-limited exceptions when given, redaction).
 * The simulator and the impact preview run this too (without exceptions: they are about the policy).
 */
export function decide(policy: CompiledPolicy, req: DecisionRequestInput, options?: DecideOptions): LocalDecision {
  const text = req.content?.text;
  if (text !== undefined && exceedsUtf8Bytes(text, MAX_CONTENT_BYTES)) {
    throw new AppError('payload_too_large', `content.text is larger than 1 MiB (${MAX_CONTENT_BYTES} bytes)`);
  }
  return decideLocally(policy, req, options);
}
