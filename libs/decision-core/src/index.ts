/**
 * @airlock/decision-core: compile a published policy and decide, the same everywhere: the API's
 * /v1/decisions, its simulator, the SDK's LocalDecider and CLI, the benchmarks and the browser
 * extension. Plain TypeScript on @airlock/policy-engine and @airlock/detectors with no Node
 * built-ins (browser-bundle.spec.ts bundles it for the browser and decides with the bundle).
 */
export { bundleMaterial, compileDecisionPolicy, type CompilableBundle, type DetectorSettingsMaterial, type PolicyMaterial } from './compile';
export { decideLocally, type ContentRequest, type DecideOptions, type DecisionPolicy, type LocalDecision } from './decide';
export { extensionClass } from './extension-class';
export { escalateRedaction, REDACT_WITHOUT_TEXT_MESSAGE } from './escalation';
export { decisionTtlSeconds, toDecisionResponse, type AnswerFacts, type LocalDecisionResponse } from './response';
export { exceedsUtf8Bytes, utf8ByteLength } from './content-size';
export {
  BundleDirectory,
  DirectoryBundleBuilder,
  MemoryDirectory,
  portableSha256Base64url,
  subjectKey,
  type DirectoryBundle,
  type DirectoryPerson,
  type Sha256Base64url,
} from './directory';
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
