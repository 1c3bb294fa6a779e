import type { Detector } from '../detector';

/** RFC 2606 / RFC 6761 reserved names: documentation addresses, never a person's. */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|example|test|invalid|localhost|local)$/i;
const FILE_TLD = /^(?:png|jpe?g|gif|svg|webp|bmp|ico|js|ts|css|html?|json|py|rb|go|rs|java|md|txt|pdf|zip|gz|tar|lock|yml|yaml|xml|csv|exe|dll|so)$/i;

/**
 * The local parts of a role's mailbox, not a person's: a service desk, a department, a robot ("support@",
 * "care@", "billing@", "noreply@", "ops-alerts@", "platform-team@"), in English and the common words of
 * other languages ("kontakt@", "compta@", "atendimento@", "destek@", "sokongan@").
 */
const ROLE_LOCAL = new Set(
  `info information support help helpdesk service services customerservice customer.service customer-service customer_service care customercare
  sales billing accounts accounting accountspayable accounts.payable ap ar invoice invoices finance payroll hr jobs careers recruiting recruitment talent
  admin administrator webmaster postmaster hostmaster abuse noc soc security privacy legal compliance dpo gdpr press media pr marketing news newsletter
  noreply no-reply no_reply donotreply do-not-reply do_not_reply notifications notification alerts alert ops devops it itsupport it-support servicedesk
  office reception frontdesk front.desk contact contacts hello enquiries enquiry inquiries inquiry orders order shipping returns refunds claims benefits
  registry registrar admissions bookings booking reservations events partners partnerships feedback complaints team mailer mailer-daemon bounce bounces
  kontakt kundenservice buchhaltung rechnung rechnungen bestellung personal compta comptabilite facturation contato contacto atendimento soporte suporte
  ventas vendas vertrieb destek bildirim iletisim sokongan pertanyaan layanan pelanggan assistenza amministrazione ufficio klantenservice`.split(/\s+/),
);
/** a role's words inside a longer local part: "ops-alerts", "platform-team", "it.support", "no-reply.billing" */
const ROLE_PART = /(?:^|[._-])(?:team|alerts?|noreply|no-reply|notifications?|support|helpdesk|servicedesk|billing|invoices?)(?:$|[._-])/;
/** A role's mailbox: reported under the default threshold (0.4), as no person's address. */
export function isRoleAddress(local: string): boolean {
  const l = local.toLowerCase();
  return ROLE_LOCAL.has(l) || ROLE_LOCAL.has(l.replace(/\d+$/, '')) || ROLE_PART.test(l);
}

function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39;
}
function isDomainChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** The domain part of `domain` is the allowlisted domain or a subdomain of it. */
export function domainAllowed(domain: string, allow: readonly string[]): boolean {
  const d = domain.toLowerCase();
  for (const a of allow) {
    const x = a.toLowerCase().replace(/^@/, '');
    if (d === x || d.endsWith('.' + x)) return true;
  }
  return false;
}

/** An address at a reserved documentation domain (jane@example.com): never a person's. */
export function isDocumentationAddress(address: string): boolean {
  const at = address.lastIndexOf('@');
  return at !== -1 && RESERVED_DOMAIN.test(address.slice(at + 1));
}

/**
 * E-mail addresses, found from each '@'. Skipped (not reported): the organization's own domains
 * (allowEmailDomains). Reserved documentation domains (example.com, .test, .invalid, localhost) are
 * reported with confidence 0.3, under the default threshold: not counted, and explained as test values;
 * a role's mailbox ("support@", "billing@", isRoleAddress) with 0.4, under it too.
 */
export const emailDetector: Detector = {
  entries: [{ id: 'email', dataClass: 'personal_data', description: 'E-mail addresses' }],
  detect({ text, settings }, out) {
    let at = text.indexOf('@');
    let lastEnd = 0;
    while (at !== -1) {
      let s = at;
      while (s > lastEnd && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
      while (s < at && (text.charCodeAt(s) === 46 || text.charCodeAt(s) === 39)) s++;
      let e = at + 1;
      while (e < text.length && e - at < 255 && isDomainChar(text.charCodeAt(e))) e++;
      while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
      const next = at + 1;
      if (s < at && e > at + 1) {
        const local = text.slice(s, at);
        const domain = text.slice(at + 1, e);
        const labels = domain.split('.');
        const tld = labels[labels.length - 1]!;
        const okDomain =
          labels.length >= 2 &&
          labels.every((l) => l.length > 0 && l.length <= 63 && l[0] !== '-' && l[l.length - 1] !== '-') &&
          /^[A-Za-z]{2,24}$/.test(tld) &&
          !FILE_TLD.test(tld);
        // scheme://user@host or scheme://user:pass@host is a URL's userinfo, not an e-mail address
        const inUserinfo = /:\/\/[^\s/@]*$/.test(text.slice(Math.max(0, s - 200), s));
        const okLocal = !local.includes('..') && !(local === 'git' && text.charCodeAt(e) === 58) && !inUserinfo;
        if (okDomain && okLocal && !domainAllowed(domain, settings.allowEmailDomains)) {
          // a documentation address is reported under the default threshold, as a test card is: not
          // counted, and listed by explain() as a test value
          // (a role's mailbox, "support@…", "billing@…", under it too: it names no person)
          out.push({ dataClass: 'personal_data', detector: 'email', start: s, end: e, confidence: RESERVED_DOMAIN.test(domain) ? 0.3 : isRoleAddress(local) ? 0.4 : 0.95 });
          lastEnd = e;
        }
      }
      at = text.indexOf('@', next);
    }
  },
};
