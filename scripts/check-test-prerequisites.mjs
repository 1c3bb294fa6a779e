#!/usr/bin/env node
// `npm test` runs this first (pretest): what the suite needs from the machine is checked in the first
// second, with the one command that fixes it, rather than after minutes of lint, unit and
// integration tests. Programs come from Debian's packages, never downloaded by a test tool.
import { existsSync, readdirSync } from 'node:fs';

const problems = [];
const packages = [];

const chromium = process.env.AIRLOCK_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.AIRLOCK_CHROMIUM) problems.push(`AIRLOCK_CHROMIUM points at ${chromium}, which does not exist.`);
  else {
    problems.push(`The browser tests drive Debian's Chromium at ${chromium} (never a downloaded browser); it is not installed.`);
    packages.push('chromium');
  }
}
if (!['/usr/sbin/haproxy', '/usr/bin/haproxy'].some((p) => existsSync(p))) {
  problems.push('The load-balancer tests run two instances behind Debian\'s HAProxy; it is not installed.');
  packages.push('haproxy');
}
if (!existsSync('/usr/sbin/squid') || !existsSync('/usr/lib/squid/security_file_certgen')) {
  problems.push('The ICAP tests run Debian\'s Squid with TLS interception (squid-openssl); it is not installed.');
  packages.push('squid-openssl');
}
if (!['/usr/bin/c-icap-client', '/usr/local/bin/c-icap-client'].some((p) => existsSync(p))) {
  problems.push('The ICAP tests call the listener with c-icap-client (package c-icap); it is not installed.');
  packages.push('c-icap');
}
// The network enforcement tests (test/integration/network.e2e-spec.ts) run each program the docs
// configure: nginx (auth_request), Unbound (RPZ), dnsmasq (its export), openssl (a TLS stand-in).
for (const [binary, pkg, what] of [
  ['/usr/sbin/nginx', 'nginx', "nginx's auth_request"],
  ['/usr/sbin/unbound', 'unbound', 'the RPZ export in Unbound'],
  ['/usr/sbin/dnsmasq', 'dnsmasq-base', 'the dnsmasq export'],
  ['/usr/bin/openssl', 'openssl', 'a TLS stand-in for an AI service'],
  // The SIEM tests (test/integration/siem.e2e-spec.ts) send events to rsyslog, over TCP and over TLS.
  ['/usr/sbin/rsyslogd', 'rsyslog', 'rsyslog receiving SIEM events'],
  [rsyslogOpensslDriver(), 'rsyslog-openssl', "rsyslog's TLS driver"],
]) {
  if (!existsSync(binary)) {
    problems.push(`The network enforcement tests need ${binary} (${what}); it is not installed.`);
    packages.push(pkg);
  }
}

// The shared rate limit tests (test/integration/shared-rate-limits.e2e-spec.ts) start Debian's
// redis-server on a loopback port of their own (or use AIRLOCK_TEST_REDIS_URL when it is set).
if (!process.env.AIRLOCK_TEST_REDIS_URL && !existsSync('/usr/bin/redis-server')) {
  problems.push('The shared rate limit tests run Debian\'s redis-server; it is not installed.');
  packages.push('redis-server');
}

if (problems.length) {
  const install = packages.length ? `\n\n  apt-get update && apt-get install -y ${packages.join(' ')}\n` : '\n';
  console.error(
    `npm test: ${problems.join('\n')}\nInstall what is missing, then run npm test again:${install}\n` +
      '(AIRLOCK_CHROMIUM may name another Chromium binary). To run the other layers meanwhile: npm run test:unit, npm run test:integration.',
  );
  process.exit(1);
}

/** rsyslog's OpenSSL network driver sits under the architecture's library folder. */
function rsyslogOpensslDriver() {
  const found = readdirSync('/usr/lib', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `/usr/lib/${d.name}/rsyslog/lmnsd_ossl.so`)
    .find((p) => existsSync(p));
  return found ?? '/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_ossl.so';
}
