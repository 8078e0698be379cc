import { validateSync } from 'class-validator';
import { IsDateTime, parseDateTime } from './date-time';

/** The strict time parser at each of its edges; expected instants are worked out by hand. */
describe('parseDateTime at its edges', () => {
  const iso = (text: string) => parseDateTime(text)?.toISOString();

  it('takes the last second of a day, month and year, and the first instant of 1970', () => {
    expect(iso('2026-12-31T23:59:59Z')).toBe('2026-12-31T23:59:59.000Z');
    expect(iso('2026-11-30T00:00:00Z')).toBe('2026-11-30T00:00:00.000Z');
    expect(iso('2026-01-31T00:00:00Z')).toBe('2026-01-31T00:00:00.000Z');
    expect(iso('1970-01-01T00:00:00Z')).toBe('1970-01-01T00:00:00.000Z');
    expect(iso('1970-01-01T08:00:00+08:00')).toBe('1970-01-01T00:00:00.000Z');
    expect(iso('9999-12-31T23:59:59Z')).toBe('9999-12-31T23:59:59.000Z');
  });

  it('takes a lower-case t and z, nine fraction digits and offsets up to ±23:59', () => {
    expect(iso('2026-11-29t10:00:00z')).toBe('2026-11-29T10:00:00.000Z');
    expect(iso('2026-11-29T10:00:00.5Z')).toBe('2026-11-29T10:00:00.500Z');
    expect(iso('2026-11-29T10:00:00.123456789Z')).toBe('2026-11-29T10:00:00.123Z');
    expect(iso('2026-11-29T23:59:00+23:59')).toBe('2026-11-29T00:00:00.000Z');
    expect(iso('2026-11-29T00:00:00-00:00')).toBe('2026-11-29T00:00:00.000Z');
    expect(iso('2026-01-01T00:59:59-23:00')).toBe('2026-01-01T23:59:59.000Z');
  });

  it.each([
    '2026-00-10T10:00:00Z',
    '2026-11-00T10:00:00Z',
    '2026-11-31T10:00:00Z',
    '2026-01-32T10:00:00Z',
    '2026-11-29T10:00:00+08:60',
    '2026-11-29T10:00:00+0800',
    '2026-11-29 10:00:00Z',
    '2026-11-29T10:00:00.Z',
    '2026-11-29T10:00:00.1234567890Z',
    '2026-11-29T10:00:00ZZ',
    'x2026-11-29T10:00:00Z',
    // an expanded year, which Date.parse takes
    '+002026-11-29T10:00:00Z',
    '1969-12-31T23:59:59Z',
    '1970-01-01T07:59:59+08:00',
  ])('refuses %s', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it('refuses other types', () => {
    for (const value of [undefined, 0, new Date(), { toString: () => '2026-11-29T10:00:00Z' }]) {
      expect(parseDateTime(value)).toBeUndefined();
    }
  });
});

describe(IsDateTime.name, () => {
  class Body {
    @IsDateTime()
    startsAt?: unknown;
  }
  const errorsOf = (startsAt: unknown) => {
    const body = new Body();
    body.startsAt = startsAt;
    return validateSync(body).map((e) => e.constraints);
  };

  it('passes a valid time and explains the format otherwise', () => {
    expect(errorsOf('2026-11-29T10:00:00+08:00')).toEqual([]);
    expect(errorsOf('2026-11-29')).toEqual([
      { isDateTime: 'startsAt must be an RFC 3339 time with an offset, e.g. 2026-11-29T10:00:00+08:00' },
    ]);
  });
});
