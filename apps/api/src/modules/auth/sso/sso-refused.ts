/** Why an SSO sign-in was refused: the code travels to the sign-in page as ?sso_error=<code>, which says it in words. */
export type SsoRefusal =
  | 'not_configured'
  | 'provider_unreachable'
  | 'state_invalid'
  | 'provider_error'
  | 'no_email'
  | 'email_unverified'
  | 'other_organization'
  | 'linked_to_other_identity'
  | 'domain_unverified'
  | 'not_provisioned'
  | 'disabled'
  // SAML responses
  | 'signature_invalid'
  | 'response_expired'
  | 'audience_mismatch'
  | 'response_replayed'
  | 'unsolicited';

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    message: string,
    /** The organization whose sign-in was refused, when known (its audit log records the refusal). */
    readonly organizationId?: string,
    /** The e-mail the provider sent, when it got that far. */
    readonly email?: string,
  ) {
    super(message);
  }

  inOrganization(organizationId: string): SsoRefused {
    return this.organizationId ? this : new SsoRefused(this.reason, this.message, organizationId, this.email);
  }
}
