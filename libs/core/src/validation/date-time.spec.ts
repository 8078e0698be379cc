import { parseDateTime } from './date-time';

describe('parseDateTime (RFC 3339 with an offset)', () => {
  it.each([
    ['2026-11-29T10:00:00Z', '2026-11-29T10:00:00.000Z'],
    ['2026-11-29T10:00:00+08:00', '2026-11-29T02:00:00.000Z'],
    ['2026-11-29T10:00:00.123-05:30', '2026-11-29T15:30:00.123Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ])('accepts %s', (text, iso) => {
    expect(parseDateTime(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2026-W49-1',
    '2026-333',
    '20261129T100000Z',
    '2026-11-29',
    '2026-11-29T10:00:00',
    '2026-11-29T10:00Z',
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-11-29T24:00:00Z',
    '2026-11-29T10:60:00Z',
    '2026-11-29T10:00:60Z',
    '2026-11-29T10:00:00+24:00',
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:00:00-10:00',
    ' 2026-11-29T10:00:00Z',
    'tomorrow',
    '',
  ])('rejects %s', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it('rejects what is not a string', () => {
    expect(parseDateTime(1764410400000)).toBeUndefined();
    expect(parseDateTime(null)).toBeUndefined();
  });
});
