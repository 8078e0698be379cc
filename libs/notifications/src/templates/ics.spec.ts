import { buildIcs, foldLine } from './ics';
import { session as scheduled } from './render.fixtures';

// a title with the characters iCalendar escapes
const session = { ...scheduled, activityTitle: '泉州人才港湾博览会；第二届, 企业专场' };

describe(buildIcs.name, () => {
  const sut = buildIcs({
    session,
    locale: 'zh-CN',
    uid: 'session-7@mail.example',
    stamp: new Date('2025-03-01T00:00:00Z'),
  });

  it('is one VEVENT in UTC with CRLF line ends', () => {
    expect(sut.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(sut.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(sut.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(sut).toContain('UID:session-7@mail.example');
    expect(sut).toContain('DTSTAMP:20250301T000000Z');
    expect(sut).toContain('DTSTART:20250315T010000Z');
    expect(sut).toContain('DTEND:20250315T093000Z');
    expect(sut).toContain('STATUS:CONFIRMED');
  });

  it('escapes TEXT values and folds lines at 75 octets without splitting characters', () => {
    const unfolded = sut.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:泉州人才港湾博览会；第二届\\, 企业专场 · 企业对接专场');
    for (const line of sut.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(sut).not.toContain('\uFFFD');
  });

  it('marks a cancelled session and withdraws the entry', () => {
    const ics = buildIcs({ session: { ...session, status: 'cancelled' }, locale: 'en', uid: 'u', stamp: new Date() });
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('METHOD:CANCEL\r\n');
  });

  it('carries the session sequence (0 for facts written before it existed) and METHOD:PUBLISH', () => {
    expect(sut).toContain('METHOD:PUBLISH\r\n');
    expect(sut).toContain('SEQUENCE:0\r\n');
    const later = buildIcs({ session: { ...session, sequence: 5 }, locale: 'en', uid: 'u', stamp: new Date() });
    expect(later).toContain('SEQUENCE:5\r\n');
    const withdrawn = buildIcs({ session, locale: 'en', uid: 'u', stamp: new Date(), cancel: true });
    expect(withdrawn).toContain('METHOD:CANCEL\r\n');
    expect(withdrawn).toContain('STATUS:CANCELLED');
  });
});

describe(foldLine.name, () => {
  it('leaves short lines alone and continues long ones with a space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const folded = foldLine(`DESCRIPTION:${'汉'.repeat(60)}`);
    expect(folded.split('\r\n ').join('')).toBe(`DESCRIPTION:${'汉'.repeat(60)}`);
  });

  it('folds at 75 octets, counting the continuation space, never inside a character', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    expect(foldLine('X'.repeat(75 + 74 + 1))).toBe(`${'X'.repeat(75)}\r\n ${'X'.repeat(74)}\r\n X`);
    // 3-octet and 4-octet characters: 'A' + 24 × 汉 is 73 octets, one more 汉 would be 76
    expect(foldLine(`A${'汉'.repeat(25)}`)).toBe(`A${'汉'.repeat(24)}\r\n 汉`);
    const lines = foldLine(`SUMMARY:${'🎉汉a'.repeat(40)}`).split('\r\n');
    expect(lines.length).toBeGreaterThan(4);
    lines.forEach((line, i) => {
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      if (i > 0) expect(line.startsWith(' ')).toBe(true);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    });
  });
});
