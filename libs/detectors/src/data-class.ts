/** Built-in data class ids. Custom detectors may name other (organization-defined) classes. */
export const DATA_CLASSES = [
  'credentials',
  'personal_data',
  'health_data',
  'financial',
  'government_id',
  'client_information',
  'company_confidential',
  'source_code',
  'creative_work',
] as const;

export type BuiltInDataClass = (typeof DATA_CLASSES)[number];
/** A built-in class id or an organization-defined one. */
export type DataClassId = BuiltInDataClass | (string & {});
