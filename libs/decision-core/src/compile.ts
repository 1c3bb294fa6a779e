import { type AllowedValue, compileInspector, type CustomDetectorDef } from '@airlock/detectors';
import { type CatalogProvider, compilePolicy, type NetworkZone, type PolicyRule, requiredDataClasses } from '@airlock/policy-engine';
import type { DecisionPolicy } from './decide';

/** Everything a published policy version carries: what the API compiles and what /v1/bundle serves. */
export interface PolicyMaterial {
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  custom: CustomDetectorDef[];
  settings: { restrictedJurisdictions: string[] } & DetectorSettingsMaterial;
}

/** The organization's settings the detectors use (GET /v1/bundle `detectors.settings`). */
export interface DetectorSettingsMaterial {
  allowEmailDomains: string[];
  markings: string[];
  defaultPhoneRegion: string;
  /** absent from bundles of servers before they existed */
  allowedValues?: AllowedValue[];
  classThresholds?: Record<string, number>;
}

/** The parts of GET /v1/bundle that make a policy (the SDK's PolicyBundle, the browser extension's copy). */
export interface CompilableBundle {
  rules: PolicyRule[];
  catalog: CatalogProvider[];
  zones: NetworkZone[];
  detectors: { settings: DetectorSettingsMaterial; custom: CustomDetectorDef[] };
  settings: { restrictedJurisdictions: string[] };
}

/** A policy bundle's material, as compileDecisionPolicy takes it. */
export function bundleMaterial(b: CompilableBundle): PolicyMaterial {
  return {
    rules: b.rules,
    catalog: b.catalog,
    zones: b.zones,
    custom: b.detectors.custom,
    settings: { restrictedJurisdictions: b.settings.restrictedJurisdictions, ...b.detectors.settings },
  };
}

/**
 * Compiles a policy for deciding. The inspector runs only the detectors for data classes some
 * enabled rule references; with none, it is null and text costs nothing. Throws PolicyCompileError
 * (from the policy engine) when the rules do not compile.
 */
export function compileDecisionPolicy(m: PolicyMaterial): DecisionPolicy {
  const evaluator = compilePolicy(m.rules, m.catalog, m.zones, { restrictedJurisdictions: m.settings.restrictedJurisdictions });
  const { classes } = requiredDataClasses(evaluator);
  const inspector =
    classes.length === 0
      ? null
      : compileInspector({
          classes,
          allowEmailDomains: m.settings.allowEmailDomains,
          markings: m.settings.markings,
          defaultPhoneRegion: m.settings.defaultPhoneRegion,
          allowedValues: m.settings.allowedValues,
          classThresholds: m.settings.classThresholds,
          custom: m.custom.filter((d) => d.enabled !== false),
        });
  return { evaluator, inspector, rules: m.rules };
}
