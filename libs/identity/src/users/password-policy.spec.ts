import { hashPassword, passwordProblem, verifyPassword } from './password-policy';
import { PINYIN_PASSWORDS } from './common-passwords';

describe(passwordProblem.name, () => {
  const sut = (password: string, email = 'organizer@hrss.example') => passwordProblem(password, email)?.reason;

  it('accepts a long, uncommon password', () => {
    expect(sut('quanzhou-fair-2021-march')).toBeUndefined();
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(sut('泉州人才活动平台密码十')).toBe('must be at least 12 characters');
    expect(sut('泉州人才活动平台密码十一')).toBeUndefined();
    expect(sut('😀'.repeat(6))).toBe('must be at least 12 characters');
  });

  it.each(['short', '11charsxxxx'])('rejects %s as too short', (p) => {
    expect(sut(p)).toBe('must be at least 12 characters');
  });

  it.each(['password1234', 'PASSWORD1234', 'Qwerty123456', '1qaz2wsx3edc', 'iloveyou1234', 'abcdefghijkl'])(
    'rejects the common %s, whatever its case',
    (p) => expect(sut(p)).toBe('is too common'),
  );

  // none of these is in the old 262-word list, all are 12+ characters
  it.each(['woaini5201314', 'Woaini1314520', 'zhangwei19900101', 'Quanzhou2026!', 'aaaaaaaaaaaa', '202611302026'])(
    'rejects the guessable %s (pinyin, names, dates, repeats)',
    (p) => expect(sut(p)).toBe('is too common'),
  );

  it('counts the account email as guessable', () => {
    expect(sut('Tq8vmzkw3p-hrss', 'tq8vmzkw3p@hrss.example')).toBe('is too common');
    expect(sut('Tq8vmzkw3p-hrss', 'someone@else.example')).toBeUndefined();
  });

  it('rejects the email as password, whatever its case', () => {
    expect(sut('Organizer@HRSS.example')).toBe('must not be the email address');
  });

  it('rejects an unbounded password', () => {
    expect(sut('x'.repeat(257))).toBe('must be at most 256 characters');
  });

  it('adds a lower-case pinyin dictionary to zxcvbn', () => {
    expect(PINYIN_PASSWORDS.length).toBeGreaterThanOrEqual(100);
    for (const p of PINYIN_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });

  it('answers quickly even for the longest password', () => {
    const started = Date.now();
    sut('a1b2c3d4e5f6g7h8'.repeat(16));
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe(verifyPassword.name, () => {
  it('verifies an argon2id hash and treats a malformed hash as a mismatch', async () => {
    const hash = await hashPassword('quanzhou-fair-2021-march');
    expect(hash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(hash, 'quanzhou-fair-2021-march')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'quanzhou-fair-2021-april')).resolves.toBe(false);
    await expect(verifyPassword('not-a-hash', 'anything')).resolves.toBe(false);
  });
});
