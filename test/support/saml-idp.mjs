// A SAML 2.0 identity provider for the tests: samlify in IdP mode on 127.0.0.1, with a key pair and
// self-signed certificate made here (WebCrypto through @peculiar/x509). It publishes its metadata,
// checks the signature of Airlock's AuthnRequests (HTTP-Redirect), shows a one-field login page,
// and answers with a signed assertion through the HTTP-POST binding (an auto-submitting form).
// `respond()` builds responses without a browser, with the faults the tests need (unsigned, signed
// by another key, a wrong audience, expired, tampered, unsolicited).
// @peculiar/x509 (through tsyringe) needs the Reflect metadata polyfill, which the API gets from Nest.
import 'reflect-metadata';
import { randomBytes, webcrypto } from 'node:crypto';
import { createServer } from 'node:http';
import { URLSearchParams } from 'node:url';
import * as x509 from '@peculiar/x509';
import * as samlify from 'samlify';

samlify.setSchemaValidator({ validate: async () => 'skipped: the tests build the XML themselves' });

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';

/** An RSA key pair (PKCS#8 PEM) and a self-signed certificate (PEM). */
export async function makeKeyPair(commonName) {
  const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    { serialNumber: '01' + randomBytes(8).toString('hex'), name: `CN=${commonName}`, notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 365 * 86_400_000), signingAlgorithm: alg, keys },
    webcrypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return { privateKey: `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g).join('\n')}\n-----END PRIVATE KEY-----\n`, certificate: cert.toString('pem') };
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attributeXml(name, values) {
  const list = Array.isArray(values) ? values : [values];
  return `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified">${list
    .map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`)
    .join('')}</saml:Attribute>`;
}

/** The response XML, every value given (the tests' faults are different values). */
function responseXml(v) {
  const attrs = Object.entries(v.attributes ?? {});
  const irt = v.inResponseTo ? ` InResponseTo="${esc(v.inResponseTo)}"` : '';
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${v.id}" Version="2.0" IssueInstant="${v.now}" Destination="${esc(v.acsUrl)}"${irt}>` +
    `<saml:Issuer>${esc(v.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    `<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${v.assertionId}" Version="2.0" IssueInstant="${v.now}">` +
    `<saml:Issuer>${esc(v.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${esc(v.nameIdFormat)}">${esc(v.nameId)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${v.notOnOrAfter}" Recipient="${esc(v.recipient)}"${irt}/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${v.notBefore}" NotOnOrAfter="${v.notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${esc(v.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${v.now}" SessionIndex="${v.sessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attrs.length ? `<saml:AttributeStatement>${attrs.map(([n, val]) => attributeXml(n, val)).join('')}</saml:AttributeStatement>` : '') +
    `</saml:Assertion></samlp:Response>`
  );
}

/**
 * Starts the identity provider. `users`: login name → { email, name, groups, nameId? }. Give it
 * Airlock's SP metadata with `trust(xml)` before the first sign-in.
 */
export async function startSamlIdp(opts = {}) {
  const users = new Map(Object.entries(opts.users ?? {}));
  const signing = await makeKeyPair('Test SAML IdP');
  const other = await makeKeyPair('Somebody else');
  const pending = new Map();
  const logouts = [];
  let sp = null;
  let spMeta = null;
  let idp = null;
  let otherIdp = null;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`test IdP: ${err.message}`);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const entityId = opts.entityId ?? `${base}/metadata`;
  const makeIdp = (keys) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: keys.privateKey,
      signingCert: keys.certificate,
      wantAuthnRequestsSigned: true,
      nameIDFormat: [EMAIL_FORMAT],
      singleSignOnService: [{ Binding: REDIRECT, Location: `${base}/sso` }],
      singleLogoutService: [{ Binding: REDIRECT, Location: `${base}/slo` }],
    });
  idp = makeIdp(signing);
  otherIdp = makeIdp(other);

  /** The AuthnRequest of Airlock's redirect, its signature checked against the SP metadata. */
  async function parseRequest(rawUrl) {
    const url = new URL(rawUrl);
    const raw = url.search.slice(1);
    const part = (name) => raw.split('&').find((p) => p.startsWith(`${name}=`));
    const octetString = ['SAMLRequest', 'RelayState', 'SigAlg'].map(part).filter(Boolean).join('&');
    const parsed = await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams), octetString });
    return { id: parsed.extract.request.id, acsUrl: parsed.extract.request.assertionConsumerServiceUrl, issuer: parsed.extract.issuer, relayState: url.searchParams.get('RelayState') ?? '' };
  }

  /**
   * A base64 SAMLResponse answering `request` for `user`, with faults from `fault`: `unsigned`,
   * `otherKey`, `responseOnly` (the message signed, the assertion not), `audience`, `expired`,
   * `tamper` (change the e-mail after signing), `unsolicited`, `issuer`, `recipient`, `nameIdFormat`.
   */
  async function respond(request, user, fault = {}) {
    const now = new Date();
    const past = (ms) => new Date(now.getTime() - ms).toISOString();
    const future = (ms) => new Date(now.getTime() + ms).toISOString();
    const spEntityId = spMeta.entityId;
    const acsUrl = request?.acsUrl ?? spMeta.acsUrl;
    const values = {
      id: `_${randomBytes(16).toString('hex')}`,
      assertionId: `_${randomBytes(16).toString('hex')}`,
      now: fault.expired ? past(20 * 60_000) : now.toISOString(),
      notBefore: fault.expired ? past(21 * 60_000) : past(30_000),
      notOnOrAfter: fault.expired ? past(10 * 60_000) : future(5 * 60_000),
      acsUrl,
      recipient: fault.recipient ?? acsUrl,
      issuer: fault.issuer ?? entityId,
      audience: fault.audience ?? spEntityId,
      inResponseTo: fault.unsolicited ? '' : request.id,
      nameId: user.nameId ?? user.email,
      nameIdFormat: fault.nameIdFormat ?? EMAIL_FORMAT,
      sessionIndex: `_s${randomBytes(8).toString('hex')}`,
      attributes: user.attributes ?? { email: user.email, name: user.name, groups: user.groups ?? [] },
    };
    const xml = responseXml(values);
    if (fault.unsigned) return Buffer.from(xml).toString('base64');
    const signer = fault.otherKey ? otherIdp : idp;
    const target = fault.responseOnly ? samlify.ServiceProvider({ metadata: spMeta.xml.replace(/WantAssertionsSigned="true"/, 'WantAssertionsSigned="false"') }) : sp;
    const { context } = await signer.createLoginResponse(target, { extract: { request: { id: values.inResponseTo } } }, 'post', { email: values.nameId }, () => ({ id: values.id, context: xml }));
    if (!fault.tamper) return context;
    const signed = Buffer.from(context, 'base64').toString('utf8');
    return Buffer.from(signed.split(esc(user.email)).join(esc(fault.tamper))).toString('base64');
  }

  const page = (title, body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

  async function handle(req, res) {
    const url = new URL(req.url, base);
    if (req.method === 'GET' && url.pathname === '/metadata') {
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(idp.getMetadata());
      return;
    }
    if (req.method === 'GET' && url.pathname === '/sso') {
      const request = await parseRequest(url.toString());
      const key = randomBytes(12).toString('hex');
      pending.set(key, request);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        page(
          'Test identity provider',
          `<form method="post" action="/login"><input type="hidden" name="pending" value="${key}"><label>User name <input name="username" autocomplete="username"></label> <button type="submit">Sign in</button></form>`,
        ),
      );
      return;
    }
    if (req.method === 'POST' && url.pathname === '/login') {
      const chunks = [];
      for await (const c of req) chunks.push(c);
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const request = pending.get(form.get('pending') ?? '');
      const user = users.get(form.get('username') ?? '');
      if (!request || !user) {
        res.writeHead(401, { 'content-type': 'text/html' }).end(page('Unknown user', '<p>No such user at the test identity provider.</p>'));
        return;
      }
      pending.delete(form.get('pending'));
      const samlResponse = await respond(request, user);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        page(
          'Signing you in',
          `<form id="post" method="post" action="${esc(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}"><input type="hidden" name="RelayState" value="${esc(request.relayState)}"><button type="submit">Continue</button></form><script>document.getElementById('post').submit()</script>`,
        ),
      );
      return;
    }
    if (req.method === 'GET' && url.pathname === '/slo') {
      logouts.push(url.toString());
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('Signed out of the test identity provider', '<p>You are signed out.</p>'));
      return;
    }
    // Browsers ask for /favicon.ico: nothing, and no error in the console.
    res.writeHead(url.pathname === '/favicon.ico' ? 204 : 404).end();
  }

  return {
    base,
    entityId,
    metadataUrl: `${base}/metadata`,
    ssoUrl: `${base}/sso`,
    sloUrl: `${base}/slo`,
    certificate: signing.certificate,
    otherCertificate: other.certificate,
    metadata: () => idp.getMetadata(),
    users,
    logouts,
    /** Trusts Airlock's SP metadata (entity id, ACS URL, its AuthnRequest signing certificate). */
    trust(xml) {
      sp = samlify.ServiceProvider({ metadata: xml });
      const entityIdMatch = /entityID="([^"]+)"/.exec(xml);
      const acsMatch = /AssertionConsumerService[^>]*Location="([^"]+)"/.exec(xml);
      spMeta = { xml, entityId: entityIdMatch[1], acsUrl: acsMatch[1] };
    },
    parseRequest,
    respond,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
