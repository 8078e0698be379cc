import { checkIdCard } from './id-card';
import { maskFreeText } from './mask';
import { checkMobile } from './phone';

/**
 * Inputs that told apart the mutants which survived the first mutation run (issue 18); check
 * digits come from the GB 11643 definition (weights 2^(17-i) mod 11), computed here.
 */
function idOracle(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11]!;
}
const idNumber = (first17: string) => first17 + idOracle(first17);

describe('居民身份证号码 born in the future', () => {
  it('refuses a birth date in 2099 even with a right check digit', () => {
    expect(checkIdCard(idNumber('11010520990101001'))).toEqual({
      ok: false,
      reason: 'birth date in the number is not a real date',
    });
  });

  it('accepts the same number born in 1999', () => {
    const id = idNumber('11010519990101001');
    expect(checkIdCard(id)).toEqual({ ok: true, value: id });
  });
});

describe('mobile prefixes', () => {
  it('strips +86 / 0086 only at the start: 138-0086-1234 is a number of its own', () => {
    expect(checkMobile('138 0086 1234')).toEqual({ ok: true, value: '13800861234' });
    expect(checkMobile('138 8613 8123')).toEqual({ ok: true, value: '13886138123' });
  });

  it('says why a number of the wrong length is refused', () => {
    expect(checkMobile('1381234123')).toEqual({ ok: false, reason: 'must be an 11-digit mainland mobile number' });
    expect(checkMobile('05913812345')).toEqual({
      ok: false,
      reason: 'is not a mainland mobile number (must start with 13–19)',
    });
  });
});

describe('phones in free text', () => {
  it('masks a number written +86 with no separator, prefix included', () => {
    expect(maskFreeText('电话+8613812341234')).toBe('电话138****1234');
    expect(maskFreeText('电话8613812341234')).toBe('电话138****1234');
  });
});
