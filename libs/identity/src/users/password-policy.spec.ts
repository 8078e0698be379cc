import { hashPassword, passwordProblem, verifyPassword } from './password-policy';
import { COMMON_PASSWORDS } from './common-passwords';

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

  it.each(['password1234', 'PASSWORD1234', 'Qwerty123456', '1qaz2wsx3edc', 'correcthorsebatterystaple'])(
    'rejects the common %s, whatever its case',
    (p) => expect(sut(p)).toBe('is too common'),
  );

  it('rejects the email as password, whatever its case', () => {
    expect(sut('Organizer@HRSS.example')).toBe('must not be the email address');
  });

  it('rejects an unbounded password', () => {
    expect(sut('x'.repeat(257))).toBe('must be at most 256 characters');
  });

  it('ships a list of a few hundred lower-case entries', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(200);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
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
