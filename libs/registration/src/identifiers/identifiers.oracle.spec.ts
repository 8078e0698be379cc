import { checkIdCard, idCardCheckDigit } from './id-card';
import { maskIdNumber, maskPhone } from './mask';
import { normalizeCode, normalizeEmail, toHalfWidth } from './normalize';
import { checkMobile } from './phone';
import { checkUscc, usccCheckChar } from './uscc';

/**
 * Expected values here come from published codes and from oracles written independently of the
 * implementation: the GB 32100 weights are the powers of 3 modulo 31 and the GB 11643 weights the
 * powers of 2 modulo 11, computed here rather than copied from a table.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function usccOracle(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + USCC_ALPHABET.indexOf(c) * (3 ** i % 31), 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}
function idOracle(first17: string): string {
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * (2 ** (17 - i) % 11), 0);
  return '10X98765432'[sum % 11]!;
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('the oracle agrees with the published codes', () => {
    expect(usccOracle('91350100M000100Y4')).toBe('3');
    expect(usccOracle('91110000802100433')).toBe('B');
  });

  it.each(['91350500MA2XY0123', '12350000003591153', '9135050006543210X', '00000000000000000', 'YYYYYYYYYYYYYYYYY'])(
    'check character of %s matches the oracle, and the whole code passes',
    (body) => {
      expect(usccCheckChar(body)).toBe(usccOracle(body));
      expect(checkUscc(body + usccOracle(body))).toEqual({ ok: true, value: body + usccOracle(body) });
    },
  );

  it('refuses every other check character', () => {
    const body = '91350500MA2XY0123';
    const right = usccOracle(body);
    for (const c of USCC_ALPHABET.replace(right, '')) {
      expect(checkUscc(body + c)).toEqual({ ok: false, reason: expect.stringContaining('check character') });
    }
  });

  it('refuses 17 and 19 characters even when the rest is right', () => {
    const code = '91350100M000100Y43';
    expect(checkUscc(code.slice(0, 17))).toEqual({ ok: false, reason: expect.stringContaining('18 characters') });
    expect(checkUscc(`${code}3`)).toEqual({ ok: false, reason: expect.stringContaining('18 characters') });
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '*'])('refuses the character %s anywhere', (bad) => {
    const code = `91350100M000100${bad}43`;
    expect(checkUscc(code)).toEqual({ ok: false, reason: expect.stringContaining('not allowed') });
  });
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it('the oracle agrees with the standard example', () => {
    expect(idOracle('11010519491231002')).toBe('X');
  });

  it.each(['35050219900101123', '35058219851231001', '44030420000229002', '11010119000101000'])(
    'check digit of %s matches the oracle, and the number passes',
    (body) => {
      expect(idCardCheckDigit(body)).toBe(idOracle(body));
      expect(checkIdCard(body + idOracle(body))).toEqual({ ok: true, value: body + idOracle(body) });
    },
  );

  it('refuses every other check digit', () => {
    const body = '35050219900101123';
    for (const c of '0123456789X'.replace(idOracle(body), '')) {
      expect(checkIdCard(body + c)).toEqual({ ok: false, reason: expect.stringContaining('check digit') });
    }
  });

  it.each([
    ['born in 2099', '35050220990101123'],
    ['born next year', `350502${new Date().getUTCFullYear() + 1}0101123`],
    ['month 13', '35050219901301123'],
    ['month 00', '35050219900001123'],
    ['day 32', '35050219900132123'],
    ['29 February of a common year', '35050219010229123'],
    ['born before 1900', '35050218991231123'],
  ])('refuses a birth date %s', (_why, body) => {
    expect(checkIdCard(body + idOracle(body))).toEqual({ ok: false, reason: expect.stringContaining('birth') });
  });

  it('accepts 29 February of a leap year and 1 January 1900', () => {
    expect(checkIdCard('44030420000229002' + idOracle('44030420000229002')).ok).toBe(true);
    expect(checkIdCard('11010119000101000' + idOracle('11010119000101000')).ok).toBe(true);
  });

  it.each(['3505021990010112', '3505021990010112345', '35050219900101123A', 'X50502199001011234'])(
    'refuses the shape %s',
    (value) => {
      expect(checkIdCard(value)).toEqual({ ok: false, reason: expect.stringContaining('17 digits') });
    },
  );
});

describe('mainland mobile numbers', () => {
  it.each([
    ['12-digit', '138123412345'],
    ['10-digit', '1381234123'],
    ['a Quanzhou landline with area code', '05913812345'],
    ['a 12 prefix', '12012345678'],
    ['a 10 prefix', '10012345678'],
    ['letters', '1381234123a'],
  ])('refuses %s', (_why, raw) => {
    expect(checkMobile(raw).ok).toBe(false);
  });

  it.each([
    ['+8613812341234', '13812341234'],
    ['008613812341234', '13812341234'],
    ['8613812341234', '13812341234'],
    ['(138) 1234 1234', '13812341234'],
    ['19912345678', '19912345678'],
  ])('accepts %s as %s', (raw, value) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value });
  });

  it('keeps a leading 86 that is part of a number, not a prefix', () => {
    expect(checkMobile('86138123412').ok).toBe(false);
  });
});

describe('normalizing', () => {
  it('turns full-width ASCII and the ideographic space half-width, and leaves other text alone', () => {
    expect(toHalfWidth('ＡＢＣ１２３\u3000！～')).toBe('ABC123 !~');
    expect(toHalfWidth('泉州 abc')).toBe('泉州 abc');
  });

  it('codes lose spaces and dashes and are upper-cased', () => {
    expect(normalizeCode(' 9135-0100 m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('emails are trimmed and lower-cased', () => {
    expect(normalizeEmail('  Ｔｅｓｔ@Example.COM ')).toBe('test@example.com');
  });
});

describe('masking', () => {
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('')).toBe('');
  });

  it('keeps four characters at each end of an ID number, whatever its length', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskIdNumber('12345678')).toBe('12345678');
    expect(maskIdNumber(null)).toBeNull();
  });
});
