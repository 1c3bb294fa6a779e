/** Sentences that describe a provider in plain words, from its catalog entry (translation keys). */
export interface ProviderRecord {
  id: string;
  slug: string;
  name: string;
  vendor: string | null;
  description: string | null;
  website: string | null;
  domains: string[];
  channels: string[];
  hqCountry: string | null;
  dataCountries: string[];
  trainsOnInputs: 'yes' | 'opt_out' | 'no';
  retention: string | null;
  retentionDays: number | null;
  zeroRetentionOffer: boolean;
  collects: string[];
  sharesWith: string[];
  certifications: string[];
  enterpriseOffering: string | null;
  notes: string | null;
  sources: { fact: string; url?: string; asOf: string; topic?: string; kind?: 'provider' | 'regulator' | 'third_party' | 'audit' }[];
  unknownFacts?: { topic: string; note: string }[];
  accountTypes?: {
    kind: 'consumer' | 'business' | 'api';
    name: string;
    plans: string[];
    trainsOnInputs?: 'yes' | 'opt_out' | 'no';
    retention?: string;
    certifications: string[];
    notes?: string;
    signals: { kind: string; value: string; note?: string }[];
  }[];
  sharedHosts?: { host: string; sharedWith: string[]; inDomains: boolean; note?: string }[];
  oldestSourceAsOf?: string | null;
  staleSources?: boolean;
  status: 'approved' | 'restricted' | 'under_review' | 'blocked';
  statusReason: string | null;
  statusChangedAt: string | null;
  riskScore: number;
  riskFactors: { id: string; points: number; explanation: string }[];
  builtin: boolean;
  updatedAt: string;
}

export function listInWords(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}
