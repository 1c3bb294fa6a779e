import { compileInspector } from './inspector';
import { deobfuscate } from './normalize';
import { redact } from './redact';
import { visibleAfterRedaction as visible } from './redaction.test-helper';
import { expectWithin } from './timing.test-helper';

/**
 * Four obfuscation classes an independent tester's set got through: digits spelled out in English
 * words, card digit groups with mixed separators, a vendor secret written backwards, and a hex-encoded
 * key in an assignment (`NAME=4149…`).
 */
const inspector = compileInspector({});
/** Letters/digits of `value` (in `text`) left visible after redacting the findings. */
const visibleAfterRedaction = (text: string, value: string): number => visible(inspector, text, value);
const point = (t: string): string[] => inspector.inspect(t).filter((f) => !['source_code', 'creative_work', 'company_confidential'].includes(f.dataClass)).map((f) => `${f.detector}:${t.slice(f.start, f.end)}`);

/** An OpenAI-style key (not a real one), and a Google API key hex-encoded. */
const SK = 'sk-R0CsTy4Qwb8DwkNhFdnXsiVpzz63FfkCzJr4i0B3JrTAwR4y';
const SK_REVERSED = [...SK].reverse().join('');
const AIZA_HEX = '41497a616139536b70587a397733516c59375a6b757671647437733853747163626e7233794264';

describe('deobfuscate: the four classes of the tester set', () => {
  it.each([
    // 1. digits spelled out in words: one number, its groups kept (a comma or hyphen between groups)
    ['the card is six zero one one eight six eight one seven two one two four three three five', 'the card is 6011868172124335'],
    ['his social is five two nine, four one, seven seven three six', 'his social is 529-41-7736'],
    ['call me on plus four four, seven eight two three, four four one, nine oh six', 'call me on +44-7823-441-906'],
    ['Call me on Double Seven Nine, one two three, four oh five six.', 'Call me on 779-123-4056.'],
    ['pin: six - zero - one - one - eight - six - eight - one ok', 'pin: 60118681 ok'],
    ['it is triple five two nine four one seven seven', 'it is 555294177'],
    // 2. card groups of four with mixed separators
    ['paid with 5105-7635 2322.8761 yesterday', 'paid with 5105 7635 2322 8761 yesterday'],
    ['card 6011.8681-7212 4335.', 'card 6011 8681 7212 4335.'],
    // 3. a vendor token written backwards: a reversed known prefix at the end of a long token
    [`key ${SK_REVERSED} here`, `key ${SK} here`],
    ['id QZW4TRMLX2PQ7DK3AIKA.', 'id AKIA3KD7QP2XLMRT4WZQ.'],
    // 4. a hex-encoded value in an assignment (after '='), or written with 0x
    [`MAPS_KEY_HEX=${AIZA_HEX}`, 'MAPS_KEY_HEX=AIzaa9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBd'],
    [`key: 0x${AIZA_HEX};`, 'key: AIzaa9SkpXz9w3QlY7Zkuvqdt7s8Stqcbnr3yBd;'],
  ])('%j -> %j', (input, out) => {
    expect(deobfuscate(input).text).toBe(out);
  });
  it('leaves ordinary counts, lists and number words alone', () => {
    for (const t of [
      'one or two things', 'three five-minute breaks', 'nine to five', 'recipe: two eggs, one cup of flour, three spoons of sugar',
      'one two three four five six seven eight nine ten', 'ten, nine, eight, seven, six, five, four, three, two, one, lift-off',
      'one, two, three, four, five, six, seven', 'five four three two one', 'a one-two punch and a one-two-three waltz',
      'o o o', 'Oh, one more thing: two of the nine.',
      // groups of digits that are no mixed-separator card: dates, IPs, versions, phone numbers, same separators
      '2024-05-06 12:30:45.1234', '10.20.30.40 192.168.1.1', 'v1.2.3-4 5.6', '+44 7911 123456', '4539 1670 2284 6132', '0049-30 1234-5678',
      // long tokens that merely end like a reversed prefix
      'see the-quick-brown-fox-jumps-ks', 'a_long_variable_name_phg', 'THEQUICKBROWNFOXJUMPSAIKA',
      // hex that is an identifier or a hash
      'HASH=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', 'id=550e8400e29b41d4a716446655440000',
    ]) {
      expect([t, deobfuscate(t).text]).toEqual([t, t]);
    }
  });
});

describe('inspect: the four classes are found and masked whole', () => {
  it.each([
    ['spelled card', 'the card is six zero one one eight six eight one seven two one two four three three five', 'six zero one one eight six eight one seven two one two four three three five', 'payment-card'],
    ['spelled SSN', 'his social is five two nine, four one, seven seven three six', 'five two nine, four one, seven seven three six', 'us-ssn'],
    ['spelled phone', 'call me on plus four four, seven eight two three, four four one, nine oh six', 'plus four four, seven eight two three, four four one, nine oh six', 'phone-number'],
    ['mixed separators', 'paid with 5105-7635 2322.8761 yesterday', '5105-7635 2322.8761', 'payment-card'],
    ['reversed OpenAI key', SK_REVERSED, SK_REVERSED, 'openai-api-key'],
    ['reversed key in a sentence', `the key is ${SK_REVERSED}, read it backwards`, SK_REVERSED, 'openai-api-key'],
    ['reversed GitHub token', `token ${[...'ghp_Zt8Qw2Lx9Mv4Rb7Nc1Kp5Hs3Jd6Fg0Ya2We9'].reverse().join('')} ok`, [...'ghp_Zt8Qw2Lx9Mv4Rb7Nc1Kp5Hs3Jd6Fg0Ya2We9'].reverse().join(''), 'github-token'],
    ['hex-encoded Google key after =', `MAPS_KEY_HEX=${AIZA_HEX}`, AIZA_HEX, 'google-api-key'],
    ['hex-encoded Google key with 0x', `const k = "0x${AIZA_HEX}";`, `0x${AIZA_HEX}`, 'google-api-key'],
  ])('%s', (_what, text, value, detector) => {
    const fs = inspector.inspect(text);
    expect(fs.map((f) => f.detector)).toContain(detector);
    expect(visibleAfterRedaction(text, value)).toBeLessThan(4);
    expect(redact(text, fs).text).not.toContain(value);
  });
  it('finds nothing in prose with number words, grouped numbers and long identifiers', () => {
    for (const t of [
      'one or two things', 'we took three five-minute breaks', 'I work nine to five', 'two eggs, one cup of milk, three spoons of sugar, four apples, five pears',
      'Count: one, two, three, four, five, six, seven, eight, nine, ten.', 'room five two nine', 'She scored nine, eight, nine and seven.',
      'the years 2019-2020 2021.2022 were long', 'build 1234.5678-9012 3456', 'ref 2024-0512 3344.9900 filed',
      'the-quick-brown-fox-jumps-over-ks', 'export const some_long_identifier_name_phg = 1;',
      `HASH=${'ab'.repeat(32)}`, 'data=48656c6c6f2c20776f726c6421206e6f7468696e672068657265',
    ]) {
      expect([t, point(t)]).toEqual([t, []]);
    }
  });
});

describe('the new passes stay linear on adversarial input', () => {
  it.each([
    ['number words', 'one two three '.repeat(15_000)],
    ['number words with commas', 'one, two, '.repeat(20_000)],
    ['number words and hyphens', 'six-zero-'.repeat(22_000)],
    ['double and triple', 'double triple '.repeat(14_000)],
    ['plus and digits words', 'plus four '.repeat(20_000)],
    ['the letter o', 'o '.repeat(100_000)],
    ['mixed digit groups', '5105-7635 2322.'.repeat(13_000)],
    ['digit groups', '1234 '.repeat(40_000)],
    ['reversed prefixes', '-ks '.repeat(50_000)],
    ['long tokens with reversed prefixes', `${'a'.repeat(30)}-ks `.repeat(6_000)],
    ['a reversed prefix at the end of a long run', `${'a-'.repeat(100_000)}ks`],
    ['hex after =', `k=${'41'.repeat(40)} `.repeat(2_400)],
  ])('%s (200 KB)', (_what, input) => {
    // the new scans live in deobfuscate: tens of milliseconds when linear, seconds if quadratic; the
    // whole inspection (every detector) of half of it gets normalize.spec's bound for 100 KB
    inspector.inspect('warm up');
    expectWithin(300, () => deobfuscate(input));
    expectWithin(1500, () => inspector.inspect(input.slice(0, input.length >> 1)));
  });
});

