import type { AppConfig } from '../../config/config';
import { webhookSignature } from './webhook-signature';
import { WebhookUrlGuard, WebhookUrlRefused } from './webhook-url-guard';

const guard = (allow: string[] = [], dns: Record<string, string[]> = {}) => {
  const g = new WebhookUrlGuard({ webhookAllowPrivate: allow } as unknown as AppConfig);
  g.setLookup(async (host) => {
    const found = dns[host];
    if (!found) throw new Error('ENOTFOUND');
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  });
  return g;
};

describe('webhook URL guard (SSRF)', () => {
  it.each([
    ['http://127.0.0.1:8080/hook', /loopback/],
    ['http://10.1.2.3/hook', /private \(RFC 1918\)/],
    ['http://172.16.0.1/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://100.64.0.1/', /carrier-grade NAT/],
    ['http://169.254.169.254/latest/meta-data/', /cloud metadata/],
    ['http://169.254.1.1/', /link-local/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://[::1]/', /loopback/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[fd00:ec2::254]/', /cloud metadata/],
    ['http://[fc00::1]/', /unique-local/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    // IPv6 forms that carry an IPv4 address are judged by that address.
    ['http://[::127.0.0.1]/', /::7f00:1 carries 127\.0\.0\.1 is a loopback/],
    ['http://[::10.0.0.1]/', /private/],
    ['http://[::169.254.169.254]/', /cloud metadata/],
    ['http://[64:ff9b::127.0.0.1]/', /loopback/],
    ['http://[64:ff9b::a9fe:a9fe]/', /cloud metadata/],
    ['http://[2002:7f00:1::]/', /loopback/],
    ['http://[2002:c0a8:101::1]/', /192\.168\.1\.1 is a private/],
    ['http://[2001:0:5db8:a9fe:0:0:3f57:fffe]/', /192\.168\.0\.1 is a private/],
    ['http://[2001:0:0a00:0001::1]/', /10\.0\.0\.1 is a private/],
    ['http://[::]/', /unspecified/],
    ['http://0x7f.1/', /loopback/],
    ['http://2130706433/', /loopback/],
    ['http://224.0.0.1/', /multicast/],
    ['ftp://example.com/', /http or https/],
    ['https://user:pw@hooks.example.com/', /user name/],
  ])('refuses %s', async (url, why) => {
    await expect(guard().vet(url)).rejects.toThrow(why);
  });

  it('refuses a host name when any of its addresses is private', async () => {
    const g = guard([], { 'hooks.example.com': ['93.184.216.34', '10.0.0.5'], localhost: ['127.0.0.1', '::1'] });
    await expect(g.vet('https://hooks.example.com/x')).rejects.toThrow('hooks.example.com resolves to 10.0.0.5 is a private');
    await expect(g.vet('http://localhost:3000/')).rejects.toThrow(WebhookUrlRefused);
    await expect(g.vet('https://nowhere.example/')).rejects.toThrow(/cannot be resolved/);
  });

  it('saves a host name that does not resolve yet with a warning, and refuses the rest as before', async () => {
    const g = guard([], { 'inside.example.com': ['10.0.0.5'], 'hooks.example.com': ['93.184.216.34'] });
    expect(await g.vetForSave('https://nowhere.example/x')).toEqual({ warnings: [expect.stringMatching(/^Host nowhere\.example does not resolve \(yet\)/)] });
    expect(await g.vetForSave('https://hooks.example.com/x')).toEqual({ warnings: [] });
    await expect(g.vetForSave('https://inside.example.com/x')).rejects.toThrow(/private/);
    await expect(g.vetForSave('http://127.0.0.1/x')).rejects.toThrow(/loopback/);
    await expect(g.vetForSave('not a url')).rejects.toThrow(/not a valid URL/);
    // Delivery still refuses what does not resolve.
    await expect(g.vet('https://nowhere.example/x')).rejects.toThrow(/cannot be resolved/);
  });

  it('accepts public addresses and returns what it checked', async () => {
    const g = guard([], { 'hooks.example.com': ['93.184.216.34'] });
    const t = await g.vet('https://hooks.example.com/x?y=1');
    expect(t.addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
    await expect(g.vet('http://[2606:4700:4700::1111]/')).resolves.toMatchObject({ hostname: '2606:4700:4700::1111' });
  });

  it('accepts IPv6 forms whose embedded IPv4 address is public (NAT64, 6to4, IPv4-compatible, Teredo)', async () => {
    const g = guard();
    for (const url of ['http://[64:ff9b::8.8.8.8]/', 'http://[2002:808:808::1]/', 'http://[::8.8.8.8]/', 'http://[2001:0:5db8:a9fe:0:0:f7f7:f7f7]/']) {
      await expect(g.vet(url)).resolves.toBeTruthy();
    }
  });

  it('applies AIRLOCK_WEBHOOK_ALLOW_PRIVATE to the embedded IPv4 address', async () => {
    await expect(guard(['127.0.0.0/8']).vet('http://[::ffff:127.0.0.1]/')).resolves.toBeTruthy();
    await expect(guard(['127.0.0.0/8']).vet('http://[64:ff9b::7f00:1]/')).resolves.toBeTruthy();
    await expect(guard(['10.0.0.0/8']).vet('http://[64:ff9b::7f00:1]/')).rejects.toThrow(/loopback/);
  });

  it('lets AIRLOCK_WEBHOOK_ALLOW_PRIVATE allow a CIDR, an address or a host name, and nothing else', async () => {
    const g = guard(['127.0.0.0/8', 'fd00::1', 'receiver.internal'], { 'receiver.internal': ['10.9.9.9'], 'other.internal': ['10.9.9.9'] });
    await expect(g.vet('http://127.0.0.1:9000/')).resolves.toBeTruthy();
    await expect(g.vet('http://[fd00::1]/')).resolves.toBeTruthy();
    await expect(g.vet('http://[fd00::2]/')).rejects.toThrow(/unique-local/);
    await expect(g.vet('http://receiver.internal/')).resolves.toBeTruthy();
    await expect(g.vet('http://other.internal/')).rejects.toThrow(/private/);
    await expect(g.vet('http://169.254.169.254/')).rejects.toThrow(/metadata/);
  });

  it('signs timestamp.body with HMAC-SHA256', () => {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(webhookSignature('whsec_test', 1700000000, '{"a":1}')).toBe(
      'v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
    expect(webhookSignature('whsec_test', 1700000000, '{"a":1}')).not.toBe(webhookSignature('whsec_test', 1700000001, '{"a":1}'));
  });
});
