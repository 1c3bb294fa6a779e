import { passwordStrengthProblems } from './password-strength';

describe('passwordStrengthProblems (bundled common passwords and zxcvbn-ts)', () => {
  it('refuses a password from the list of most common passwords, saying so', () => {
    expect(passwordStrengthProblems('123456789012')).toEqual(['is among the most common passwords']);
  });

  it('refuses a guessable password with zxcvbn’s warning and suggestions', () => {
    const [problem] = passwordStrengthProblems('passwordpassword');
    expect(problem).toMatch(/^is too easy to guess \(strength [0-2] of 4, at least 3 needed\): Repeated character patterns .* Avoid repeated words and characters\./);
    expect(passwordStrengthProblems('qwertyuiop123')[0]).toMatch(/too easy to guess/);
  });

  it('accepts strong passwords and passphrases, among them the ones the tests sign in with', () => {
    for (const p of ['quiet-harbor-lantern-58', 'correct horse battery staple', 'a long enough password', 'Zq8#vT2m!rLp9w']) expect(passwordStrengthProblems(p)).toEqual([]);
  });

  it('counts the user’s own words (e-mail, name, organization) as easy guesses', () => {
    expect(passwordStrengthProblems('vonderleyen2024')).toEqual([]);
    expect(passwordStrengthProblems('vonderleyen2024', ['ursula.vonderleyen@example.com', 'Ursula von der Leyen'])).not.toEqual([]);
  });

  it('does bounded work on the longest passwords allowed (event loop)', () => {
    const random = Buffer.from(Array.from({ length: 192 }, (_, i) => (i * 7919 + 13) % 256)).toString('base64');
    passwordStrengthProblems('warm up the dictionaries');
    const started = process.hrtime.bigint();
    for (const p of [random, 'P@ssw0rd!'.repeat(28), 'a1'.repeat(128)]) passwordStrengthProblems(p.slice(0, 256));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3_000);
  });
});
