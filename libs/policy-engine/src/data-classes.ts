/** The data classes every organization has; organizations may add their own (lowercase slugs). */
export type BuiltinDataClassId =
  | 'credentials'
  | 'personal_data'
  | 'health_data'
  | 'financial'
  | 'government_id'
  | 'client_information'
  | 'company_confidential'
  | 'source_code'
  | 'creative_work';

export interface DataClassInfo {
  id: BuiltinDataClassId;
  label: string;
  description: string;
}

export const BUILTIN_DATA_CLASSES: readonly DataClassInfo[] = Object.freeze(
  (
    [
      {
        id: 'credentials',
        label: 'Credentials',
        description: 'Passwords, API keys, access tokens, private keys and connection strings.',
      },
      {
        id: 'personal_data',
        label: 'Personal data',
        description: 'Anything that identifies a person: names with contact details, emails, phone numbers, addresses.',
      },
      {
        id: 'health_data',
        label: 'Health data',
        description: "Information about a person's physical or mental health, diagnoses, treatments or medications.",
      },
      {
        id: 'financial',
        label: 'Financial data',
        description: 'Payment card numbers, bank account numbers (IBAN), and account or transaction details.',
      },
      {
        id: 'government_id',
        label: 'Government IDs',
        description: 'National ID, social security, passport, driving licence and tax identification numbers.',
      },
      {
        id: 'client_information',
        label: 'Client information',
        description: "Names of the organization's clients and anything about their business or matters.",
      },
      {
        id: 'company_confidential',
        label: 'Company confidential',
        description: 'Documents and text marked confidential or internal, plans, figures and contracts.',
      },
      {
        id: 'source_code',
        label: 'Source code',
        description: "Program code from the organization's repositories.",
      },
      {
        id: 'creative_work',
        label: 'Original creative works',
        description: 'Unpublished writing, designs, images and other original work the organization owns.',
      },
    ] as const
  ).map((c) => Object.freeze({ ...c })),
);

/** The ids of BUILTIN_DATA_CLASSES. */
export const BUILTIN_DATA_CLASS_IDS: ReadonlySet<string> = new Set(BUILTIN_DATA_CLASSES.map((c) => c.id));

/** A data class id is a lowercase slug: `client_names`, `project-x`. */
export const DATA_CLASS_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;
