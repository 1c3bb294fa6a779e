export { AirlockClient, AirlockError, type AirlockClientOptions, type PolicyBundle } from './client';
export { LocalDecider, type LocalDeciderOptions } from './local-decider';
// Compile-and-decide lives in @airlock/decision-core (shared with the API and the browser
// extension); the SDK keeps exporting what it always has.
export {
  ASSERT_EVERYTHING,
  ASSERT_NOTHING,
  BundleDirectory,
  compileDecisionPolicy,
  decideLocally,
  extensionClass,
  MemoryDirectory,
  refusedAssertion,
  resolveRequest,
  subjectKey,
  type AssertionRights,
  type ContentRequest,
  type DecideOptions,
  type DecisionPolicy,
  type DirectoryBundle,
  type DirectoryPerson,
  type IpSource,
  type LocalDecision,
  type PolicyMaterial,
  type RefusedAssertion,
  type ResolvedRequest,
  type SubjectDirectory,
} from '@airlock/decision-core';
