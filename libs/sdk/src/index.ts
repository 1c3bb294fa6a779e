export { AirlockClient, AirlockError, type AirlockClientOptions, type PolicyBundle } from './client';
export { LocalDecider, type LocalDeciderOptions } from './local-decider';
export { compileDecisionPolicy, type PolicyMaterial } from './compile';
export { decideLocally, extensionClass, type ContentRequest, type DecisionPolicy, type LocalDecision } from './local-decide';
