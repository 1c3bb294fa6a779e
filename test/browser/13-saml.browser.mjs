// The owner switches single sign-on to SAML 2.0 in the console against a SAML identity provider run
// here (samlify in IdP mode, keys made by the test): the IdP trusts Airlock's SP metadata from the
// URL the page shows, the page loads the IdP's metadata from its URL, a group is mapped to a role,
// the owner verifies the organization's e-mail domain (TXT record served by the DNS stub), and a
// person then types their address on the sign-in page, is sent to the IdP by home-realm discovery,
// signs in there and lands in the console; signing out goes through the IdP's single logout.
import { assert } from './harness.mjs';

const DOMAIN = 'saml-corp.example';

export async function scenarioSamlSetUpAndSignIn(t) {
  const { startSamlIdp } = await import('../support/saml-idp.mjs');
  const idp = await startSamlIdp({ users: { priya: { email: `priya@${DOMAIN}`, name: 'Priya SAML', groups: ['airlock-analysts'] } } });
  const page = await t.newPage({ label: 'owner' });
  try {
    await t.signIn(page, 'owner@example.com');
    await page.getByRole('menuitem', { name: 'Single sign-on', exact: true }).click();
    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    const acsUrl = await page.getByTestId('saml-acs-url').inputValue();
    const entityId = await page.getByTestId('saml-entity-id').inputValue();
    assert(acsUrl === `${entityId}/acs` && entityId.startsWith(`${t.baseUrl}/api/auth/sso/saml/`), `the ACS URL and entity id to register are shown (${acsUrl})`);
    const download = await page.getByTestId('saml-sp-metadata').getAttribute('href');
    assert(download === `${entityId}/metadata?download`, `the SP metadata downloads from ${download}`);
    // The identity team gives the IdP Airlock's metadata (the URL the page shows).
    idp.trust(await (await fetch(await page.getByTestId('saml-metadata-url').inputValue())).text());

    // The IdP's metadata from its URL fills the fields; the certificate is read back.
    await page.getByRole('textbox', { name: 'Identity provider metadata URL' }).fill(idp.metadataUrl);
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await page.getByText('Metadata loaded: check the fields, then save').waitFor();
    assert((await page.getByRole('textbox', { name: 'Identity provider entity id (issuer)' }).inputValue()) === idp.entityId, 'the entity id came from the metadata');
    await page.getByTestId('saml-certificates').getByText(/CN=Test SAML IdP, valid until/).waitFor();
    await page.getByRole('button', { name: 'Add a group' }).click();
    // (The OIDC scenario before this one may have left a line of its own: fill the new, last one.)
    await page.getByRole('textbox', { name: 'Group value from the provider' }).last().fill('airlock-analysts');
    // The OIDC scenario before this one leaves single sign-on off: turn it on with SAML.
    await page.getByRole('switch', { name: 'Single sign-on is on' }).check();
    const emptyAxe = await t.axe(page, 'sso-saml');
    assert(!emptyAxe.length, `axe on the SAML form: ${JSON.stringify(emptyAxe)}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Single sign-on saved').waitFor();
    await page.getByTestId('sso-state').getByText('On').waitFor();
    await t.capture(page, 'laptop-light-flow-sso-saml-settings');

    // The organization's domain: the TXT record to publish, a first check that fails with the reason, then verified.
    await page.getByRole('textbox', { name: 'Domain' }).fill(DOMAIN);
    await page.getByRole('button', { name: 'Add domain' }).click();
    const txt = await page.getByTestId(`sso-domain-txt-${DOMAIN}`).inputValue();
    assert(/^airlock-verification=[A-Za-z0-9_-]{32}$/.test(txt), `the TXT value to publish is shown (${txt})`);
    await page.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await page.getByTestId(`sso-domain-error-${DOMAIN}`).getByText(/No TXT record airlock-verification=/).waitFor();
    t.dns.txt.set(DOMAIN, [txt]);
    await page.getByRole('button', { name: `Verify ${DOMAIN}` }).click();
    await page.getByTestId(`sso-domain-${DOMAIN}`).getByText('Verified', { exact: true }).waitFor();
    await t.capture(page, 'laptop-light-flow-sso-domains');

    // A person types their address: the sign-in page sends them to the organization's IdP.
    const person = await t.newPage({ label: 'person' });
    await person.goto('/#/login');
    await person.getByRole('textbox', { name: 'E-mail' }).fill(`priya@${DOMAIN}`);
    await person.getByTestId('login-discovered').getByText(`Addresses at ${DOMAIN} sign in with your organization’s single sign-on.`).waitFor();
    const clicked = Date.now();
    await person.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await person.waitForURL((u) => u.href.startsWith(`${idp.ssoUrl}?`));
    await person.getByRole('textbox', { name: 'User name' }).fill('priya');
    const idpClicked = Date.now();
    await person.getByRole('button', { name: 'Sign in' }).click();
    await person.waitForURL((u) => u.href.startsWith(t.baseUrl) && !u.hash.startsWith('#/login'), { waitUntil: 'commit' });
    const back = Date.now();
    await person.getByRole('button', { name: /account menu/ }).waitFor();
    const landed = Date.now();
    const me = await person.evaluate(async () => (await fetch('/api/auth/me')).json());
    assert(me.user?.email === `priya@${DOMAIN}` && me.user?.role === 'analyst', `signed in through SAML as an analyst (${JSON.stringify(me.user)})`);
    console.log(
      `    SAML in Chromium: ${landed - clicked} ms from "Continue with single sign-on" to the console shown (the IdP's page and its form included); from the IdP's "Sign in": ${back - idpClicked} ms back at Airlock signed in, ${landed - idpClicked} ms to the console shown`,
    );

    // Signing out goes through the IdP's single logout (a signed LogoutRequest).
    await person.getByRole('button', { name: /account menu/ }).click();
    await person.getByRole('menuitem', { name: 'Logout' }).click();
    await person.waitForURL((u) => u.href.startsWith(`${idp.sloUrl}?`));
    await person.getByRole('heading', { name: 'Signed out of the test identity provider' }).waitFor();
    assert(idp.logouts.length === 1 && new URL(idp.logouts[0]).searchParams.get('Signature'), 'the IdP received a signed logout request');
    // Between the sign-out and leaving for the IdP, the console's background reads meet the ended session (401): expected.
    t.errors = t.errors.filter((e) => !(e.startsWith('[person]') && e.includes('status of 401')));
  } finally {
    // Later scenarios sign in with passwords on the same server: single sign-on off, the domain gone.
    await page
      .evaluate(async (domain) => {
        const { csrfToken } = await (await fetch('/api/auth/me')).json();
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
        const c = await (await fetch('/api/sso-connection')).json();
        if (c.configured) {
          const body = { protocol: c.protocol, samlIdpEntityId: c.samlIdpEntityId, samlSsoUrl: c.samlSsoUrl, samlIdpCertificates: c.samlIdpCertificates, issuer: c.issuer ?? undefined, clientId: c.clientId ?? undefined, enabled: false, ssoOnly: false };
          const res = await fetch('/api/sso-connection', { method: 'PUT', headers, body: JSON.stringify(body) });
          if (!res.ok) throw new Error(`turning SSO off answered ${res.status}: ${await res.text()}`);
        }
        for (const d of await (await fetch('/api/sso-domains')).json()) if (d.domain === domain) await fetch(`/api/sso-domains/${d.id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
      }, DOMAIN)
      .catch((err) => t.errors.push(`[cleanup] ${err.message}`));
    await idp.close();
  }
}
scenarioSamlSetUpAndSignIn.description = 'the owner sets up SAML and verifies a domain in the console; a person is sent to the IdP by e-mail and signs in';
