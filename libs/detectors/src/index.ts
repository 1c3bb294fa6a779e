export { DATA_CLASSES, type BuiltInDataClass, type DataClassId } from './data-class';
export type { Finding } from './finding';
export type { DetectorInfo } from './detector';
export { DETECTORS } from './detector-catalogue';
export { AllowedValues, canonicalValue, type AllowedValue } from './allowed-values';
export { compileInspector, type Inspection, type Inspector, type InspectorConfig, type NotCountedFinding, type NotCountedReason } from './inspector';
export {
  validateCustomDetector,
  testCustomDetector,
  compileCustomDetector,
  CustomDetectorError,
  CUSTOM_DETECTOR_LIMITS,
  CUSTOM_REGEX_LIMITS,
  customRegexScanLimit,
  customRegexSource,
  expandedRegexSize,
  type CustomDetectorDef,
  type ValidationError,
  type ValidationResult,
} from './custom-detector';
export { redact, placeholderType, type RedactionPlaceholder, type RedactionResult } from './redact';
export { AhoCorasick, type AhoCorasickOptions, type AhoCorasickMatch } from './aho-corasick';
export { luhnValid } from './luhn';
export { ibanValid, ibanMod97, IBAN_LENGTHS } from './iban';
export { abaRoutingValid } from './aba-routing';
export { usSsnValid, usItinValid } from './us-ssn';
export { ukNinoValid } from './uk-nino';
export { verhoeffValid, verhoeffCheckDigit } from './verhoeff';
export { deSteuerIdValid, deSteuerIdCheckDigit } from './de-steuer-id';
export { shannonEntropy } from './shannon-entropy';
export { jwtHeaderValid } from './jwt';
export { cardBrand, TEST_CARD_NUMBERS, type CardBrand } from './payment-card-brand';
