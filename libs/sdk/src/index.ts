export { AirlockClient, AirlockError, type AirlockClientOptions, type PolicyBundle } from './client';
export { LocalDecider, type LocalDeciderOptions } from './local-decider';
export { compileDecisionPolicy, type PolicyMaterial } from './compile';
export { decideLocally, extensionClass, type ContentRequest, type DecideOptions, type DecisionPolicy, type LocalDecision } from './local-decide';
export { BundleDirectory, MemoryDirectory, subjectKey, type DirectoryBundle, type DirectoryPerson } from './directory';
export {
  ASSERT_EVERYTHING,
  ASSERT_NOTHING,
  refusedAssertion,
  resolveRequest,
  type AssertionRights,
  type IpSource,
  type RefusedAssertion,
  type ResolvedRequest,
  type SubjectDirectory,
} from './subject';
