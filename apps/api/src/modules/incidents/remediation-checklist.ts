import { involvesPersonalData } from './notification-deadline';

export interface ChecklistProvider {
  name: string;
  website: string | null;
  zeroRetentionOffer: boolean;
  trainsOnInputs: 'yes' | 'opt_out' | 'no';
}

export interface ChecklistItem {
  key: string;
  label: string;
  detail: string;
}

/**
 * The remediation checklist of an incident, from its data classes and the AI service:
 *
 * | when                                        | item                                   |
 * |---------------------------------------------|----------------------------------------|
 * | credentials                                 | rotate / revoke the leaked credential  |
 * | a service is named (catalog or "other")     | delete the chat history at the service |
 * | no zero-retention offer, or unknown service | ask the service to delete the data     |
 * | personal data classes                       | assess notifying the regulator in 72 h |
 * | client_information                          | inform the client                      |
 * | the service trains on inputs (yes / opt-out) | check its training settings           |
 *
 * Keys are stable: regenerating after an edit adds what became relevant and keeps what was done.
 */
export function remediationChecklist(input: {
  dataClasses: readonly string[];
  provider: ChecklistProvider | null;
  providerOther: string | null;
}): ChecklistItem[] {
  const { dataClasses, provider, providerOther } = input;
  const items: ChecklistItem[] = [];
  const serviceName = provider?.name ?? providerOther ?? null;
  if (dataClasses.includes('credentials')) {
    items.push({
      key: 'rotate_credentials',
      label: 'Rotate or revoke the leaked credential',
      detail:
        'Revoke the password, API key or token that was shared and issue a new one; check its access logs for use since the incident occurred. A credential that was pasted anywhere outside the organization counts as leaked.',
    });
  }
  if (serviceName) {
    const where = provider?.website
      ? ` Sign in at ${provider.website} with the account that was used and delete the conversation from the history (usually under Settings > Data controls or the chat's own menu).`
      : ' Sign in with the account that was used and delete the conversation from the history.';
    items.push({
      key: 'delete_chat_history',
      label: `Delete the chat history in ${serviceName}`,
      detail: `Deleting the conversation removes it from the account's history and, at most services, starts the deletion of the stored copy.${where}`,
    });
  }
  if (serviceName && !provider?.zeroRetentionOffer) {
    items.push({
      key: 'request_provider_deletion',
      label: `Ask ${serviceName} to delete the data`,
      detail: provider
        ? `${provider.name} has no zero-retention offer for this service: send a deletion request to its privacy contact naming the account and the time, and keep the answer with this incident.`
        : `${serviceName} is not in the catalog, so its retention is unknown: send a deletion request to its privacy contact and keep the answer with this incident.`,
    });
  }
  if (involvesPersonalData(dataClasses)) {
    items.push({
      key: 'assess_regulator_notification',
      label: 'Assess whether the regulator must be notified within 72 hours',
      detail:
        'Personal data is involved: decide with the data protection officer whether this breach is likely to result in a risk to people, and if so notify the supervisory authority before the notification deadline. Record the decision and why.',
    });
  }
  if (dataClasses.includes('client_information')) {
    items.push({
      key: 'inform_client',
      label: 'Inform the client',
      detail:
        "Check the client contract's confidentiality and breach-notification clauses, and tell the client what was shared, with which service, and what was done about it.",
    });
  }
  if (provider && provider.trainsOnInputs !== 'no') {
    items.push({
      key: 'check_training_settings',
      label: `Check ${provider.name}'s training settings`,
      detail:
        provider.trainsOnInputs === 'yes'
          ? `${provider.name} trains its models on inputs: ask whether this data can be excluded from training, and stop using the service for work data.`
          : `${provider.name} trains on inputs unless you opt out: make sure the opt-out is set for the account that was used, and for the organization's accounts.`,
    });
  }
  return items;
}
