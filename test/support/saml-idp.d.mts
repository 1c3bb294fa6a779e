/** Types of saml-idp.mjs (a plain module so that the browser scenarios can use it too). */
export interface SamlIdpUser {
  email: string;
  name?: string;
  groups?: string[];
  nameId?: string;
  attributes?: Record<string, string | string[]>;
}
export interface SamlRequestInfo {
  id: string;
  acsUrl: string;
  issuer: string;
  relayState: string;
}
export interface SamlFault {
  unsigned?: boolean;
  otherKey?: boolean;
  responseOnly?: boolean;
  audience?: string;
  expired?: boolean;
  tamper?: string;
  unsolicited?: boolean;
  issuer?: string;
  recipient?: string;
  nameIdFormat?: string;
}
export interface SamlIdp {
  base: string;
  entityId: string;
  metadataUrl: string;
  ssoUrl: string;
  sloUrl: string;
  certificate: string;
  otherCertificate: string;
  metadata(): string;
  users: Map<string, SamlIdpUser>;
  logouts: string[];
  trust(spMetadataXml: string): void;
  parseRequest(redirectUrl: string): Promise<SamlRequestInfo>;
  respond(request: SamlRequestInfo | null, user: SamlIdpUser | undefined, fault?: SamlFault): Promise<string>;
  close(): Promise<void>;
}
export function makeKeyPair(commonName: string): Promise<{ privateKey: string; certificate: string }>;
export function startSamlIdp(opts?: { entityId?: string; users?: Record<string, SamlIdpUser> }): Promise<SamlIdp>;
