import { checkIdCard, idCardCheckDigit } from './id-card';
import { maskIdNumber, maskPhone } from './mask';
import { checkMobile } from './phone';
import { checkUscc, usccCheckChar } from './uscc';

describe(checkUscc.name, () => {
  // published codes: 91350100M000100Y43 (a Fuzhou company), 91110000802100433B (Beijing)
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the real code %s', (code) => {
    expect(checkUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalizes full-width, lower-case and spaced input before checking', () => {
    expect(checkUscc(' ９１３５０１００ｍ０００１００ｙ４３ ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('rejects a wrong check character and names the standard', () => {
    const result = checkUscc('91350100M000100Y44');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('GB 32100-2015') });
  });

  it('rejects letters outside the alphabet and wrong lengths', () => {
    expect(checkUscc('91350100M000100YO3').ok).toBe(false);
    expect(checkUscc('9135010').ok).toBe(false);
  });

  it('computes a check character that validates', () => {
    const body = '91350500MA2XY0123';
    expect(checkUscc(body + usccCheckChar(body)).ok).toBe(true);
  });
});

describe(checkIdCard.name, () => {
  it('accepts the GB 11643 example and an X check digit', () => {
    expect(checkIdCard('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' });
    const body = '35050219900101123';
    expect(checkIdCard(body + idCardCheckDigit(body)).ok).toBe(true);
  });

  it('accepts a lower-case x', () => {
    expect(checkIdCard('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('rejects a wrong check digit, an impossible birth date and bad shapes', () => {
    expect(checkIdCard('110105194912310021')).toEqual({ ok: false, reason: expect.stringContaining('GB 11643-1999') });
    const feb30 = '35050219900230123';
    expect(checkIdCard(feb30 + idCardCheckDigit(feb30))).toEqual({
      ok: false,
      reason: expect.stringContaining('birth'),
    });
    expect(checkIdCard('3505021990').ok).toBe(false);
  });
});

describe(checkMobile.name, () => {
  it.each([
    ['13812341234', '13812341234'],
    ['+86 138-1234-1234', '13812341234'],
    ['１９９１２３４５６７８', '19912345678'],
  ])('accepts %s', (raw, value) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value });
  });

  it('rejects an 11-digit number with a wrong prefix', () => {
    expect(checkMobile('12812341234')).toEqual({ ok: false, reason: expect.stringContaining('13–19') });
  });

  it('rejects landlines and short numbers', () => {
    expect(checkMobile('0595-22112233').ok).toBe(false);
    expect(checkMobile('1381234').ok).toBe(false);
  });
});

describe('masking', () => {
  it('keeps only the ends of phones and ID numbers', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskPhone(null)).toBeNull();
  });
});
