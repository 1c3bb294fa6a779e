import type { PolicyRule, PolicySettings } from './types';

/** Settings of a new organization: China's laws can compel providers to hand data to the state. */
export const DEFAULT_POLICY_SETTINGS: Readonly<PolicySettings> = Object.freeze({
  restrictedJurisdictions: Object.freeze(['CN']) as unknown as string[],
});

/** The ids of the default policy, in priority order. */
export const DEFAULT_POLICY_RULE_IDS = Object.freeze([
  'no-credentials',
  'no-health-data-unapproved',
  'no-personal-data-unapproved',
  'no-confidential-unapproved',
  'no-uploads-unapproved',
  'warn-creative-training',
  'no-restricted-jurisdiction-on-corporate',
  'blocked-providers',
  'coach-unreviewed',
] as const);

/** "China (CN)" where the runtime knows the name, else "CN". */
function countryList(codes: readonly string[]): string {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    names = null;
  }
  const labels = codes.map((code) => {
    const upper = code.toUpperCase();
    let name: string | undefined;
    try {
      name = names?.of(upper);
    } catch {
      name = undefined;
    }
    return name !== undefined && name !== upper ? `${name} (${upper})` : upper;
  });
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/**
 * The policy every new organization starts with: the usual advice for AI chat services, as rules an
 * admin can then edit. Fresh objects on every call (callers store them as drafts).
 */
export function defaultPolicyRules(settings: PolicySettings = DEFAULT_POLICY_SETTINGS): PolicyRule[] {
  const jurisdictions = settings.restrictedJurisdictions.length > 0 ? countryList(settings.restrictedJurisdictions) : 'a restricted country';
  return [
    {
      id: 'no-credentials',
      priority: 10,
      enabled: true,
      description: 'Never send credentials to any AI service, approved ones included.',
      when: { dataClasses: ['credentials'], actions: ['prompt', 'upload'] },
      effect: 'block',
      message:
        'This contains a password, API key or other credential. Credentials must never go to an AI service, ' +
        'approved or not: the provider stores what you send in its logs and chat history, where anyone who ' +
        'reaches them can use the credential to get into our systems. Remove the secret (write a placeholder ' +
        'such as <API_KEY> instead) and try again. If one was already sent, rotate it and report an incident.',
    },
    {
      id: 'no-health-data-unapproved',
      priority: 15,
      enabled: true,
      description: 'Health data only goes to approved providers: blocked, not masked.',
      when: { dataClasses: ['health_data'] },
      unless: [{ providerStatus: ['approved'] }],
      effect: 'block',
      message:
        'This AI service is not approved for health data. It is blocked rather than masked, because masking the ' +
        'medical terms leaves the patient identifiable: the name, age, dates and places stay in the text, and ' +
        'with the context they still say who is ill and with what. Health data may only go to an approved AI ' +
        'service; use one, or ask without any detail about the patient.',
    },
    {
      id: 'no-personal-data-unapproved',
      priority: 20,
      enabled: true,
      description: 'Mask personal, financial and government-ID data for providers that are not approved.',
      when: { dataClasses: ['personal_data', 'government_id', 'financial'] },
      unless: [{ providerStatus: ['approved'] }],
      effect: 'redact',
      message:
        'This AI service is not approved for personal, financial or government-ID data: it keeps what you send ' +
        'outside any agreement with us and may use it to train its models. The personal details are masked ' +
        'before sending. For work that needs them, use an approved AI service.',
    },
    {
      id: 'no-confidential-unapproved',
      priority: 30,
      enabled: true,
      description: 'Client information and company-confidential material only go to approved providers.',
      when: { dataClasses: ['client_information', 'company_confidential'] },
      unless: [{ providerStatus: ['approved'] }],
      effect: 'block',
      message:
        'Client information and company-confidential material may only go to approved AI services. This one is ' +
        'not approved, so no contract limits how it stores, uses or shares what you send, and our duty of ' +
        'confidentiality to clients would be broken. Use an approved AI service instead.',
    },
    {
      id: 'no-uploads-unapproved',
      priority: 40,
      enabled: true,
      description: 'File uploads only go to approved providers.',
      when: { actions: ['upload'] },
      unless: [{ providerStatus: ['approved'] }],
      effect: 'block',
      message:
        'Files may only be uploaded to approved AI services. This one is not approved: it keeps uploaded files ' +
        'on its servers, and a document usually holds far more than the part you need help with. Use an ' +
        'approved AI service for documents, or paste only the part that is not sensitive.',
    },
    {
      id: 'warn-creative-training',
      priority: 50,
      enabled: true,
      description: 'Warn before original creative work goes to a provider that trains on inputs.',
      when: { dataClasses: ['creative_work'], trainsOnInputs: ['yes', 'opt_out'] },
      effect: 'warn',
      message:
        'This AI service trains its models on what users send (unless you opt out in its settings), so your ' +
        'original work could shape, or resurface in, answers given to other people. Turn training off in the ' +
        "service's settings before sending, or use a service that does not train on inputs.",
    },
    {
      id: 'no-restricted-jurisdiction-on-corporate',
      priority: 60,
      enabled: true,
      description: 'Block providers that store data under compelled-disclosure jurisdictions on the corporate network.',
      when: { restrictedJurisdiction: true, networkZones: ['corporate'] },
      effect: 'block',
      message:
        `This AI service is based in or stores data in ${jurisdictions}, where the law can compel it to hand ` +
        'what you send to the state. It cannot be used from the corporate network. Use an approved AI service ' +
        'instead.',
    },
    {
      id: 'blocked-providers',
      priority: 70,
      enabled: true,
      description: 'Block providers the organization has blocked.',
      when: { providerStatus: ['blocked'] },
      effect: 'block',
      message:
        'Your organization has blocked this AI service because of what it does with the data it receives; ' +
        'its entry in the list of AI services says why. Use an approved AI service instead.',
    },
    {
      id: 'coach-unreviewed',
      priority: 80,
      enabled: true,
      description: 'Coach users of AI services that are under review or not in the catalog.',
      when: { providerStatus: ['under_review', 'unknown'] },
      effect: 'warn',
      message:
        'This AI service has not been reviewed by your organization yet, so nobody has checked where it stores ' +
        'your data, whether it trains on it or who it shares it with. Do not send anything sensitive. If you ' +
        'need it for your work, ask for a review on the "Which AI services may I use?" page of the Airlock portal; ' +
        'until then, use an approved AI service.',
    },
  ];
}
