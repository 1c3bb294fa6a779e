import { abaRoutingValid } from './aba-routing';
import { deSteuerIdCheckDigit, deSteuerIdValid } from './de-steuer-id';
import { ibanMod97, ibanValid } from './iban';
import { ipv4IsNonPersonal, ipv6IsNonPersonal, ipv6Valid, parseIpv4 } from './ip-address';
import { jwtHeaderValid } from './jwt';
import { luhnValid } from './luhn';
import { brCpfValid, frNirValid, itCodiceFiscaleValid, mxCurpValid, nhsNumberValid, nlBsnValid, plPeselValid, zaIdValid } from './national-ids';
import { cardBrand } from './payment-card-brand';
import { charClassCount, shannonEntropy } from './shannon-entropy';
import { ukNinoValid } from './uk-nino';
import { usItinValid, usSsnValid } from './us-ssn';
import { verhoeffCheckDigit, verhoeffValid } from './verhoeff';

describe('luhnValid', () => {
  it.each([
    ['4539148803436467', true],
    ['79927398713', true],
    ['378282246310005', true],
    ['4539148803436468', false],
    ['79927398710', false],
    ['1234567812345678', false],
    ['4539 1488', false], // non-digits
    ['0', false],
  ])('%s -> %s', (n, ok) => expect(luhnValid(n)).toBe(ok));
});

describe('ibanValid (per-country length + mod-97)', () => {
  it.each([
    ['DE89370400440532013000', true],
    ['DE89 3704 0044 0532 0130 00', true],
    ['GB82WEST12345698765432', true],
    ['NL91ABNA0417164300', true],
    ['FR1420041010050500013M02606', true],
    ['CH9300762011623852957', true],
    ['DE89370400440532013001', false], // checksum
    ['DE8937040044053201300', false], // DE is 22 long
    ['XX89370400440532013000', false], // unknown country
    ['GB82WEST1234569876543', false],
    ['', false],
  ])('%s -> %s', (v, ok) => expect(ibanValid(v)).toBe(ok));
  it('mod-97 of a valid IBAN is 1', () => expect(ibanMod97('GB82WEST12345698765432')).toBe(1));
});

describe('abaRoutingValid (3-7-1 checksum + Federal Reserve prefix)', () => {
  it.each([
    ['021000021', true], // JPMorgan Chase
    ['011000015', true], // Federal Reserve Boston
    ['121000358', true],
    ['021000022', false], // checksum
    ['991000021', false], // prefix 99 not assigned
    ['000000000', false],
    ['02100002', false],
  ])('%s -> %s', (v, ok) => expect(abaRoutingValid(v)).toBe(ok));
});

describe('usSsnValid (issuing rules)', () => {
  it.each([
    ['536228713', true],
    ['001010001', true],
    ['000123456', false], // area 000
    ['666123456', false], // area 666
    ['900123456', false], // 9xx
    ['987654321', false],
    ['123006789', false], // group 00
    ['123450000', false], // serial 0000
    ['078051120', false], // Woolworth wallet card
    ['12345678', false],
  ])('%s -> %s', (v, ok) => expect(usSsnValid(v)).toBe(ok));
  it.each([
    ['912701234', true],
    ['900501234', true],
    ['912931234', false], // group 93 not an ITIN range
    ['812701234', false],
  ])('ITIN %s -> %s', (v, ok) => expect(usItinValid(v)).toBe(ok));
});

describe('ukNinoValid (prefix rules)', () => {
  it.each([
    ['AB123456C', true],
    ['JG 10 37 50 C', true],
    ['ce123456a', true],
    ['DA123456A', false], // first letter D
    ['AO123456A', false], // second letter O
    ['BG123456A', false], // not allocated
    ['GB123456A', false],
    ['NK123456A', false],
    ['ZZ123456A', false],
    ['AB123456E', false], // suffix A-D only
    ['AB12345C', false],
  ])('%s -> %s', (v, ok) => expect(ukNinoValid(v)).toBe(ok));
});

describe('verhoeff', () => {
  it.each([
    ['2363', true],
    ['2360', false],
    ['2364', false],
  ])('%s -> %s', (v, ok) => expect(verhoeffValid(v)).toBe(ok));
  it('computes the check digit that validates', () => {
    for (const body of ['23456789012', '98765432109', '50000000000']) {
      expect(verhoeffValid(body + verhoeffCheckDigit(body))).toBe(true);
      expect(verhoeffValid(body + ((verhoeffCheckDigit(body) + 1) % 10))).toBe(false);
    }
  });
});

describe('deSteuerIdValid', () => {
  it('accepts a number with a correct check digit and one repeated digit', () => {
    const first10 = '8609574271'.slice(0, 10);
    const id = first10 + deSteuerIdCheckDigit(first10);
    expect(deSteuerIdValid(id)).toBe(true);
  });
  it.each([
    ['01234567890', 'leading zero'],
    ['12345678901', 'no repeated digit'],
    ['11111111111', 'one digit repeated too often'],
  ])('rejects %s (%s)', (v) => expect(deSteuerIdValid(v)).toBe(false));
  it('rejects a wrong check digit', () => {
    const first10 = '8609574271';
    expect(deSteuerIdValid(first10 + ((deSteuerIdCheckDigit(first10) + 1) % 10))).toBe(false);
  });
});

describe('cardBrand (IIN ranges and lengths)', () => {
  it.each([
    ['4539148803436467', 'visa'],
    ['4222222222222', 'visa'],
    ['5425233430109903', 'mastercard'],
    ['2221000000000009', 'mastercard'],
    ['2720990000000007', 'mastercard'],
    ['378282246311235', 'amex'],
    ['6011000990139424', 'discover'],
    ['6500000000000002', 'discover'],
    ['3530111333300000', 'jcb'],
    ['30569309025904', 'diners'],
    ['6200000000000005', 'unionpay'],
    ['453914880343646', undefined], // visa with 15 digits
    ['2719000000000000', 'mastercard'],
    ['2730000000000000', undefined], // above the 2-series range
    ['1234567890123456', undefined],
    ['37828224631000', undefined], // amex with 14 digits
    ['675900001234', 'maestro'], // Maestro issues 12 to 19 digits
    ['6304000000000000', 'maestro'],
    ['50180000000', undefined], // Maestro with 11 digits
    ['180000000000000', 'jcb'], // JCB's older 15-digit numbers
    ['21310000000000', undefined],
    ['6363684829173649', 'elo'],
    ['5067000000000000', 'elo'],
    ['6062820000000000', 'hipercard'],
    ['6521000000000000', 'discover'], // RuPay's 6521-6522 share Discover's 65
    ['5085000000000000', 'rupay'],
    ['6070000000000000', undefined], // RuPay's 60 and 82 start order numbers and ids as often
    ['8200000000000000', undefined],
    ['5061000000000000000', 'verve'],
    ['5019000000000000', 'dankort'],
    ['9860000000000000', 'humo'],
    ['8600000000000000', 'uzcard'],
    ['636368482917364', undefined], // Elo with 15 digits
  ])('%s -> %s', (n, brand) => expect(cardBrand(n)).toBe(brand));
});

describe('jwtHeaderValid', () => {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  it.each([
    [enc({ alg: 'HS256', typ: 'JWT' }), true],
    [enc({ alg: 'none' }), true],
    [enc({ typ: 'JWT' }), false], // no alg
    [enc({ alg: 5 }), false],
    [Buffer.from('not json').toString('base64url'), false],
    ['eyJ!!!', false],
  ])('%s -> %s', (h, ok) => expect(jwtHeaderValid(h)).toBe(ok));
});

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
  ])('%s -> %s bits/char', (s, h) => expect(shannonEntropy(s)).toBeCloseTo(h, 5));
  it('is high for random keys and low for words', () => {
    expect(shannonEntropy('wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9KEY1234')).toBeGreaterThan(4.2);
    expect(shannonEntropy('passwordpasswordpassword')).toBeLessThan(3);
  });
  it('counts character classes', () => {
    expect(charClassCount('abc')).toBe(1);
    expect(charClassCount('aB3!')).toBe(4);
  });
});

describe('IP address validators', () => {
  it.each([
    ['192.168.1.10', true],
    ['8.8.8.8', true],
    ['256.1.1.1', false],
    ['01.2.3.4', false],
    ['1.2.3', false],
  ])('parseIpv4 %s -> %s', (v, ok) => expect(parseIpv4(v) !== undefined).toBe(ok));
  it.each([
    ['192.0.2.1', true], // RFC 5737
    ['198.51.100.7', true],
    ['203.0.113.200', true],
    ['127.0.0.1', true],
    ['81.2.69.160', false],
  ])('ipv4IsNonPersonal %s -> %s', (v, np) => expect(ipv4IsNonPersonal(parseIpv4(v)!)).toBe(np));
  it.each([
    ['2001:db8::1', true],
    ['2a02:8070:a184:d900:5cf4:23ff:fe9b:4b5c', true],
    ['::ffff:192.0.2.1', true],
    ['fe80::1', true],
    ['12:30:45', false],
    ['1:2:3:4:5:6:7:8:9', false],
    ['2001::db8::1', false],
    ['00:1A:2B:3C:4D:5E', false], // MAC address
  ])('ipv6Valid %s -> %s', (v, ok) => expect(ipv6Valid(v)).toBe(ok));
  it('treats RFC 3849 documentation and loopback as non-personal', () => {
    expect(ipv6IsNonPersonal('2001:db8::1')).toBe(true);
    expect(ipv6IsNonPersonal('::1')).toBe(true);
    expect(ipv6IsNonPersonal('2a02:8070::1')).toBe(false);
  });
});

describe('national identity and health numbers (national-ids.ts)', () => {
  it.each([
    ['NHS', nhsNumberValid, '9434765919', '9434765918'],
    ['NIR', frNirValid, '255081416802538', '255081416802539'],
    ['BSN', nlBsnValid, '111222333', '111222334'],
    ['PESEL', plPeselValid, '44051401359', '44051401358'],
    ['CPF', brCpfValid, '11144477735', '11144477736'],
    ['South African ID', zaIdValid, '8001015009087', '8001015009086'],
    ['codice fiscale', itCodiceFiscaleValid, 'RSSMRA85T10A562S', 'RSSMRA85T10A562A'],
    ['CURP', mxCurpValid, 'HEGG560427MVZRRL04', 'HEGG560427MVZRRL03'],
  ] as const)('%s', (_what, valid, good, bad) => {
    expect(valid(good)).toBe(true);
    expect(valid(bad)).toBe(false);
  });
  it('computes the NIR key over Corsica as 19 (2A) and 18 (2B)', () => {
    const body = '185022A006001';
    const key = 97 - (Number(body.replace('2A', '19')) % 97);
    expect(frNirValid(body + String(key).padStart(2, '0'))).toBe(true);
    expect(frNirValid(body.replace('2A', '2B') + String(key).padStart(2, '0'))).toBe(false);
  });
  it('refuses impossible dates and repeated digits', () => {
    expect(plPeselValid('44131401350')).toBe(false); // month 13
    expect(brCpfValid('00000000000')).toBe(false);
    expect(zaIdValid('8013015009087')).toBe(false); // month 13
    expect(nlBsnValid('000000000')).toBe(false);
  });
});
