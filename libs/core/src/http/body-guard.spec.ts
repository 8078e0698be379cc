import { AppError } from '../errors/app-error';
import { checkParsedBody, hasBadCharacters } from './body-guard';

const refusal = (body: unknown) => {
  try {
    checkParsedBody(body);
    return undefined;
  } catch (e) {
    const error = e as AppError;
    return { code: error.code, field: error.details?.[0]?.field };
  }
};

describe('checkParsedBody', () => {
  it('passes ordinary bodies, tab, newline and characters outside the BMP', () => {
    expect(refusal({ name: '泉州\t𠀀\n', quotas: [{ category: 'phd', capacity: 1 }], n: null })).toBeUndefined();
  });

  it('refuses nesting past the limit without recursing, naming where', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(refusal({ answers: deep })).toEqual({
      code: 'body_too_deep',
      field: expect.stringMatching(/^answers(\[0\])+$/),
    });
    let ok: unknown = 1;
    for (let i = 0; i < 31; i++) ok = { a: ok };
    expect(refusal(ok)).toBeUndefined();
  });

  it.each([
    ['NUL', 'a\u0000'],
    ['U+FFFF', '\uffff'],
    ['U+FFFE', '\ufffe'],
    ['a lone high surrogate', 'x\ud800'],
    ['a lone low surrogate', '\udc00x'],
    ['a C0 control', '\u001b[31m'],
  ])('refuses %s in a value or a key, naming the field', (_name, text) => {
    expect(refusal({ profile: { institution: text } })).toEqual({
      code: 'invalid_characters',
      field: 'profile.institution',
    });
    expect(refusal({ answers: { [text]: 1 } })).toEqual({ code: 'invalid_characters', field: `answers.${text}` });
    expect(refusal({ list: ['ok', text] })).toEqual({ code: 'invalid_characters', field: 'list[1]' });
    expect(hasBadCharacters(text)).toBe(true);
  });

  it('keeps a surrogate pair', () => {
    expect(hasBadCharacters('😀')).toBe(false);
  });
});
