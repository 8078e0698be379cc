import { ERROR_CODES } from '../errors/error-codes';
import en from './en.json';
import zhCN from './zh-CN.json';
import { formatBeijing, i18n, pickLanguage, translateReason } from './i18n';

describe('i18n', () => {
  it('has a zh-CN and an en message for every error code, and no message for a code that does not exist', () => {
    expect(
      Object.keys(zhCN.errors)
        .filter((k) => k !== 'validation_failed_plain')
        .sort(),
    ).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(en.errors).sort()).toEqual(Object.keys(zhCN.errors).sort());
    // English reasons of class-validator's constraints are its own text; only ours are written out
    expect(Object.keys(zhCN.reasons)).toEqual(expect.arrayContaining(Object.keys(en.reasons)));
  });

  it('picks zh-CN by default and English on request', () => {
    expect(pickLanguage(undefined)).toBe('zh-CN');
    expect(pickLanguage('')).toBe('zh-CN');
    expect(pickLanguage('fr-FR')).toBe('zh-CN');
    expect(pickLanguage('en')).toBe('en');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('fr, en;q=0.5')).toBe('en');
    expect(pickLanguage('en;q=0.5, zh-CN')).toBe('zh-CN');
    expect(pickLanguage('en;q=0, zh-TW')).toBe('zh-CN');
  });

  it('shows times in Beijing time', () => {
    expect(formatBeijing(new Date('2026-11-29T16:30:00Z'))).toBe('2026-11-30 00:30');
    const t = i18n().getFixedT('zh-CN');
    expect(
      t('errors.registration_window_closed', {
        opensAt: new Date('2026-11-29T02:00:00Z'),
        closesAt: new Date('2026-11-30T02:00:00Z'),
      }),
    ).toBe('不在报名时间内（报名时间 2026-11-29 10:00 至 2026-11-30 10:00，北京时间）');
  });

  it('translates reasons by key, by phrase with holes, and leaves unknown English as it is', () => {
    expect(translateReason('zh-CN', 'x', 'isLength', { c0: 1, c1: 5 })).toBe('长度必须在 1 到 5 个字符之间');
    expect(translateReason('en', 'must be shorter than or equal to 5 characters', 'isLength', { c0: 1, c1: 5 })).toBe(
      'must be shorter than or equal to 5 characters',
    );
    expect(translateReason('en', 'x', 'notNull')).toBe('must not be null (leave the field out instead)');
    expect(translateReason('zh-CN', 'is required when mode is online')).toBe('举办形式为 online 时必填');
    expect(translateReason('zh-CN', 'check character is wrong (GB 32100-2015)')).toBe('校验码错误（GB 32100-2015）');
    expect(translateReason('en', 'check character is wrong (GB 32100-2015)')).toBe(
      'check character is wrong (GB 32100-2015)',
    );
    expect(translateReason('zh-CN', 'some new sentence')).toBe('some new sentence');
  });
});
