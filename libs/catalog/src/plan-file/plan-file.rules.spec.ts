import * as yaml from 'js-yaml';
import { parseProgramFile, parseUnitsFile, PlanFileError, PlanFileIssue } from './plan-file.parser';
import { ActivityEntry, ProgramFile, TargetEntry, UnitsFile } from './plan-file.types';

/**
 * The rules of the plan-file parser that the first spec left untested (issue 18): list options,
 * blank and over-long strings, scope consistency, duplicate ordinals, windows outside the period,
 * and the value checks at their boundaries. Each expected issue is written out in full.
 */
const UNIT_CODES = new Set(['qz-hrss', 'qz-edu']);

function target(overrides: Partial<TargetEntry> = {}): TargetEntry {
  return {
    code: 't-1',
    metric: 'competitions_held',
    label: '竞赛',
    value: 30,
    comparator: 'at_least',
    unit: '场',
    period: 'once',
    source: 'sessions_held',
    text: '组织举办职业技能竞赛30场以上。',
    ...overrides,
  };
}

function activityEntry(overrides: Partial<ActivityEntry> = {}): ActivityEntry {
  return {
    code: 'a-1',
    ordinal: 1,
    label: '（一）',
    title: '竞赛',
    kind: 'competition',
    window: { start: '2021-03-01', end: '2021-03-31', text: '3月' },
    mode: 'offline',
    adjustable: false,
    content: '组织举办职业技能竞赛30场以上。',
    leadUnits: ['qz-hrss'],
    hostUnits: [],
    hostRole: '承办单位',
    targets: [target()],
    ...overrides,
  };
}

function program(): ProgramFile {
  return {
    code: 'p',
    title: '方案',
    issuingUnits: ['qz-hrss'],
    issuedOn: '2021-01-28',
    period: { start: '2021-01-01', end: '2021-12-31', text: '2021年' },
    targets: [],
    series: [{ ordinal: 1, label: '一', title: '系列', activities: [activityEntry()] }],
  };
}

const loose = (o: object) => o as Record<string, unknown>;
const first = (p: ProgramFile) => p.series[0].activities[0];
const A = 'series[0].activities[0]';

function issuesOf(run: () => unknown): PlanFileIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanFileError) return error.issues;
    throw error;
  }
  return [];
}

const issues = (edit: (p: ProgramFile) => void): PlanFileIssue[] => {
  const p = program();
  edit(p);
  return issuesOf(() => parseProgramFile(yaml.dump(p), 'test.yaml', UNIT_CODES));
};

const unitIssues = (units: unknown): PlanFileIssue[] => issuesOf(() => parseUnitsFile(yaml.dump(units), 'units.yaml'));

describe('the fixture', () => {
  it('is valid, empty host units and program targets included', () => {
    expect(issues(() => undefined)).toEqual([]);
    expect(parseProgramFile(yaml.dump(program()), 'test.yaml', UNIT_CODES)).toEqual(program());
  });
});

describe('list options', () => {
  it('nonEmpty: lead and issuing units, series, activities, parts, responsible units, scope lists', () => {
    expect(issues((p) => (p.issuingUnits = []))).toEqual([{ path: 'issuingUnits', reason: 'must not be empty' }]);
    expect(issues((p) => (p.series = []))).toEqual([{ path: 'series', reason: 'must not be empty' }]);
    expect(issues((p) => (p.series[0].activities = []))).toEqual([
      { path: 'series[0].activities', reason: 'must not be empty' },
    ]);
    expect(issues((p) => (first(p).parts = []))).toEqual([{ path: `${A}.parts`, reason: 'must not be empty' }]);
    expect(issues((p) => (first(p).parts = [{ title: '分项', leadUnits: [] }]))).toEqual([
      { path: `${A}.parts[0].leadUnits`, reason: 'must not be empty' },
    ]);
    expect(issues((p) => (first(p).targets[0].responsibleUnits = []))).toEqual([
      { path: `${A}.targets[0].responsibleUnits`, reason: 'must not be empty' },
    ]);
    expect(issues((p) => (first(p).targets = [target({ scope: { sessionLevels: [] } })]))).toEqual([
      { path: `${A}.targets[0].scope.sessionLevels`, reason: 'must not be empty' },
    ]);
    const registrations = { source: 'registrations' as const, metric: 'm', unit: '名' as const };
    expect(issues((p) => (first(p).targets = [target({ ...registrations, scope: { statuses: [] } })]))).toEqual([
      { path: `${A}.targets[0].scope.statuses`, reason: 'must not be empty' },
    ]);
    expect(
      issues(
        (p) =>
          (first(p).targets = [
            target({ ...registrations, scope: { category: 'skilled_talent', participantLevels: [] } }),
          ]),
      ),
    ).toEqual([{ path: `${A}.targets[0].scope.participantLevels`, reason: 'must not be empty' }]);
  });

  it('empty lists are fine where nothing is required', () => {
    expect(issues((p) => (first(p).targets = []))).toEqual([]);
    expect(issues((p) => (first(p).deliverables = []))).toEqual([]);
    expect(issues((p) => (p.safeguards = []))).toEqual([]);
    expect(unitIssues({ units: [{ code: 'a', name: 'A', kind: 'group', aliases: [] }] })).toEqual([]);
  });

  it('unique: every unit list, scope lists, deliverables and aliases refuse a repeat', () => {
    expect(issues((p) => (p.issuingUnits = ['qz-hrss', 'qz-edu', 'qz-hrss']))).toEqual([
      { path: 'issuingUnits[2]', reason: 'duplicate entry "qz-hrss"' },
    ]);
    expect(issues((p) => (first(p).leadUnits = ['qz-hrss', 'qz-hrss']))).toEqual([
      { path: `${A}.leadUnits[1]`, reason: 'duplicate entry "qz-hrss"' },
    ]);
    expect(issues((p) => (first(p).targets[0].responsibleUnits = ['qz-edu', 'qz-edu']))).toEqual([
      { path: `${A}.targets[0].responsibleUnits[1]`, reason: 'duplicate entry "qz-edu"' },
    ]);
    expect(issues((p) => (first(p).deliverables = ['名单', '名单']))).toEqual([
      { path: `${A}.deliverables[1]`, reason: 'duplicate entry "名单"' },
    ]);
    expect(issues((p) => (first(p).targets = [target({ scope: { sessionLevels: ['city', 'city'] } })]))).toEqual([
      { path: `${A}.targets[0].scope.sessionLevels[1]`, reason: 'duplicate entry "city"' },
    ]);
    const registrations = { source: 'registrations' as const };
    expect(
      issues(
        (p) => (first(p).targets = [target({ ...registrations, scope: { statuses: ['confirmed', 'confirmed'] } })]),
      ),
    ).toEqual([{ path: `${A}.targets[0].scope.statuses[1]`, reason: 'duplicate entry "confirmed"' }]);
    expect(
      issues(
        (p) =>
          (first(p).targets = [
            target({ ...registrations, scope: { category: 'skilled_talent', participantLevels: ['city', 'city'] } }),
          ]),
      ),
    ).toEqual([{ path: `${A}.targets[0].scope.participantLevels[1]`, reason: 'duplicate entry "city"' }]);
    expect(unitIssues({ units: [{ code: 'a', name: 'A', kind: 'group', aliases: ['甲', '甲'] }] })).toEqual([
      { path: 'units[0].aliases[1]', reason: 'duplicate entry "甲"' },
    ]);
  });

  it('repeats are fine in lists without the option', () => {
    const safeguard = { label: '（一）', title: '保障', text: '加强领导。' };
    expect(issues((p) => (p.safeguards = [safeguard, safeguard]))).toEqual([]);
  });

  it('names the type of a value that is not a list, and of one that is not a mapping', () => {
    expect(issues((p) => (loose(p).issuingUnits = 'qz-hrss'))).toEqual([
      { path: 'issuingUnits', reason: 'must be a list, got string' },
    ]);
    expect(issues((p) => (loose(p).series = { ordinal: 1 }))).toEqual([
      { path: 'series', reason: 'must be a list, got object' },
    ]);
    expect(issues((p) => (loose(first(p)).window = ['2021-03-01']))).toEqual([
      { path: `${A}.window`, reason: 'must be a mapping, got list' },
    ]);
    expect(issues((p) => (loose(first(p)).window = '3月'))).toEqual([
      { path: `${A}.window`, reason: 'must be a mapping, got string' },
    ]);
    expect(issuesOf(() => parseProgramFile('', 'empty.yaml', UNIT_CODES))).toEqual([
      { path: '(root)', reason: 'must be a mapping, got undefined' },
    ]);
    expect(issuesOf(() => parseProgramFile('null', 'null.yaml', UNIT_CODES))).toEqual([
      { path: '(root)', reason: 'must be a mapping, got null' },
    ]);
    expect(issuesOf(() => parseProgramFile('42', 'n.yaml', UNIT_CODES))).toEqual([
      { path: '(root)', reason: 'must be a mapping, got number' },
    ]);
  });
});

describe('strings', () => {
  it.each([
    ['title', ''],
    ['title', '   '],
    ['title', '\u3000'],
  ])('refuses a blank %s %j', (key, value) => {
    expect(issues((p) => (loose(p)[key] = value))).toEqual([{ path: key, reason: 'must not be blank' }]);
  });

  it('refuses a non-string and names its type', () => {
    expect(issues((p) => (loose(p).title = 2021))).toEqual([{ path: 'title', reason: 'must be a string, got number' }]);
    expect(issues((p) => (loose(p).title = ['a']))).toEqual([{ path: 'title', reason: 'must be a string, got list' }]);
    expect(issues((p) => (loose(first(p)).content = { a: 1 }))).toEqual([
      { path: `${A}.content`, reason: 'must be a string, got object' },
    ]);
  });

  it.each([
    ['label', 20],
    ['title', 300],
    ['shortTitle', 100],
    ['city', 50],
    ['hostRole', 20],
    ['leadNote', 200],
  ] as const)('activity %s holds at most %d characters', (key, max) => {
    expect(issues((p) => (loose(first(p))[key] = '字'.repeat(max)))).toEqual([]);
    expect(issues((p) => (loose(first(p))[key] = '字'.repeat(max + 1)))).toEqual([
      { path: `${A}.${key}`, reason: `must be at most ${max} characters, got ${max + 1}` },
    ]);
  });

  it.each([
    ['title', 300],
    ['documentNumber', 100],
    ['noticeTitle', 300],
  ] as const)('program %s holds at most %d characters', (key, max) => {
    expect(issues((p) => (loose(p)[key] = 'x'.repeat(max)))).toEqual([]);
    expect(issues((p) => (loose(p)[key] = 'x'.repeat(max + 1)))).toEqual([
      { path: key, reason: `must be at most ${max} characters, got ${max + 1}` },
    ]);
  });

  it.each([
    ['metric', 100],
    ['label', 200],
    ['qualifier', 20],
  ] as const)('target %s holds at most %d characters', (key, max) => {
    expect(issues((p) => (loose(first(p).targets[0])[key] = 'x'.repeat(max)))).toEqual([]);
    expect(issues((p) => (loose(first(p).targets[0])[key] = 'x'.repeat(max + 1)))).toEqual([
      { path: `${A}.targets[0].${key}`, reason: `must be at most ${max} characters, got ${max + 1}` },
    ]);
  });

  it('window, period and series texts have their limits; long free text has none', () => {
    expect(issues((p) => (first(p).window.text = 'x'.repeat(101)))).toEqual([
      { path: `${A}.window.text`, reason: 'must be at most 100 characters, got 101' },
    ]);
    expect(issues((p) => (p.period.text = 'x'.repeat(101)))).toEqual([
      { path: 'period.text', reason: 'must be at most 100 characters, got 101' },
    ]);
    expect(issues((p) => (p.series[0].label = 'x'.repeat(21)))).toEqual([
      { path: 'series[0].label', reason: 'must be at most 20 characters, got 21' },
    ]);
    expect(issues((p) => (p.series[0].title = 'x'.repeat(301)))).toEqual([
      { path: 'series[0].title', reason: 'must be at most 300 characters, got 301' },
    ]);
    const long = '字'.repeat(5000);
    expect(
      issues((p) => {
        first(p).content = long;
        first(p).note = long;
        first(p).targets[0].text = long;
        first(p).targets[0].note = long;
        p.noticeText = long;
        p.summary = long;
        p.preamble = long;
      }),
    ).toEqual([]);
  });

  it('codes are lowercase slugs of at most 64 characters', () => {
    for (const good of ['a', 'a-1', '2021-plan', 'x'.repeat(64)]) expect(issues((p) => (p.code = good))).toEqual([]);
    for (const bad of ['A', 'a_b', 'a--b', '-a', 'a-', 'a b', '方案']) {
      expect(issues((p) => (p.code = bad))).toEqual([
        { path: 'code', reason: `must be a lowercase ascii slug (a-z, 0-9, -), got ${JSON.stringify(bad)}` },
      ]);
    }
    expect(issues((p) => (p.code = 'x'.repeat(65)))).toEqual([
      { path: 'code', reason: 'must be at most 64 characters, got 65' },
    ]);
    expect(issues((p) => (p.code = ' '))).toEqual([{ path: 'code', reason: 'must not be blank' }]);
  });

  it('a unit reference must be a non-blank string naming a known unit', () => {
    expect(issues((p) => (p.issuingUnits = [' ']))).toEqual([{ path: 'issuingUnits[0]', reason: 'must not be blank' }]);
    expect(issues((p) => (p.issuingUnits = ['qz-none']))).toEqual([
      { path: 'issuingUnits[0]', reason: 'unknown unit code "qz-none" (not in units.yaml)' },
    ]);
  });
});

describe('values', () => {
  it.each([0, -1, 1.5, '3', true])('refuses the target value %j', (value) => {
    expect(issues((p) => (loose(first(p).targets[0]).value = value))).toEqual([
      { path: `${A}.targets[0].value`, reason: `must be a whole number greater than 0, got ${JSON.stringify(value)}` },
    ]);
  });

  it('refuses infinity and NaN written in YAML', () => {
    const text = yaml.dump(program()).replace('value: 30', 'value: .inf');
    expect(issuesOf(() => parseProgramFile(text, 't.yaml', UNIT_CODES))).toEqual([
      { path: `${A}.targets[0].value`, reason: 'must be a whole number greater than 0, got null' },
    ]);
    const nan = yaml.dump(program()).replace('value: 30', 'value: .nan');
    expect(issuesOf(() => parseProgramFile(nan, 't.yaml', UNIT_CODES))).toHaveLength(1);
  });

  it('accepts 1 as the smallest value and ordinal', () => {
    expect(issues((p) => (first(p).targets[0].value = 1))).toEqual([]);
  });

  it('booleans must be true or false', () => {
    expect(issues((p) => (loose(first(p)).adjustable = 'yes'))).toEqual([
      { path: `${A}.adjustable`, reason: 'must be true or false, got "yes"' },
    ]);
    expect(issues((p) => (loose(first(p)).hostUnitsOpenEnded = 1))).toEqual([
      { path: `${A}.hostUnitsOpenEnded`, reason: 'must be true or false, got 1' },
    ]);
    expect(issues((p) => (first(p).hostUnitsOpenEnded = true))).toEqual([]);
  });

  it('enums refuse other values and non-strings, and name the allowed ones', () => {
    expect(issues((p) => (loose(first(p)).mode = 1))).toEqual([
      { path: `${A}.mode`, reason: 'must be one of offline, online_allowed, online, got 1' },
    ]);
  });

  it.each([
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2021-13-01', false],
    ['2021-00-10', false],
    ['2021-04-31', false],
    ['2021-01-00', false],
    ['21-01-28', false],
    ['2021-01-28T00:00:00Z', false],
    [' 2021-01-28', false],
  ])('issuedOn %s is accepted: %s', (date, ok) => {
    expect(issues((p) => (p.issuedOn = date))).toEqual(
      ok ? [] : [{ path: 'issuedOn', reason: `must be a real date written YYYY-MM-DD, got ${JSON.stringify(date)}` }],
    );
  });

  it('refuses a date that is not a string', () => {
    expect(issues((p) => (loose(p).issuedOn = 20210128))).toEqual([
      { path: 'issuedOn', reason: 'must be a real date written YYYY-MM-DD, got 20210128' },
    ]);
  });

  it('a required field given null is missing; an optional one given null is absent', () => {
    expect(issues((p) => (loose(p).title = null))).toEqual([{ path: 'title', reason: 'is required' }]);
    expect(issues((p) => (loose(p).summary = null))).toEqual([]);
  });
});

describe('scope consistency', () => {
  const SOURCES = ['registrations', 'attendance', 'sessions_held', 'outcomes', 'reported'] as const;
  /** Which sources can filter by each key, from DESIGN.md's counting rules. */
  const APPLIES: Record<string, { scope: object; sources: string[] }> = {
    sessionLevels: { scope: { sessionLevels: ['city'] }, sources: ['sessions_held', 'reported'] },
    category: { scope: { category: 'phd' }, sources: ['registrations', 'attendance', 'reported'] },
    participantLevels: {
      scope: { participantLevels: ['city'], category: 'skilled_talent' },
      sources: ['registrations', 'attendance', 'reported'],
    },
    statuses: { scope: { statuses: ['confirmed'] }, sources: ['registrations'] },
    outcomeType: { scope: { outcomeType: 'award' }, sources: ['outcomes', 'reported'] },
    agreementType: {
      scope: { agreementType: 'skill_transfer', outcomeType: 'apprenticeship_agreement' },
      sources: ['outcomes', 'reported'],
    },
  };

  const cases = Object.entries(APPLIES).flatMap(([key, { scope, sources }]) =>
    SOURCES.map((source) => [key, source, sources.includes(source), scope] as const),
  );

  it.each(cases)('scope.%s on source %s applies: %s', (key, source, applies, scope) => {
    const found = issues((p) => (first(p).targets = [target({ source, scope: scope as TargetEntry['scope'] })]));
    const about = found.filter((i) => i.path === `${A}.targets[0].scope.${key}`);
    expect(about).toEqual(
      applies ? [] : [{ path: `${A}.targets[0].scope.${key}`, reason: `does not apply to source ${source}` }],
    );
  });

  it('an outcomes target names its outcome type', () => {
    expect(
      issues((p) => (first(p).targets = [target({ source: 'outcomes', scope: { outcomeType: 'award' } })])),
    ).toEqual([]);
    expect(issues((p) => (first(p).targets = [target({ source: 'outcomes' })]))).toEqual([
      { path: `${A}.targets[0].scope.outcomeType`, reason: 'is required when source is outcomes' },
    ]);
  });

  it('participant levels need the skilled-talent category', () => {
    const scope = (category?: 'phd' | 'skilled_talent') => ({ participantLevels: ['city' as const], category });
    expect(
      issues((p) => (first(p).targets = [target({ source: 'attendance', scope: scope('skilled_talent') })])),
    ).toEqual([]);
    for (const category of ['phd', undefined] as const) {
      expect(issues((p) => (first(p).targets = [target({ source: 'attendance', scope: scope(category) })]))).toEqual([
        { path: `${A}.targets[0].scope.participantLevels`, reason: 'needs scope.category skilled_talent' },
      ]);
    }
  });

  it('an agreement type needs the apprenticeship-agreement outcome type', () => {
    expect(
      issues(
        (p) =>
          (first(p).targets = [
            target({ source: 'outcomes', scope: { outcomeType: 'award', agreementType: 'skill_transfer' } }),
          ]),
      ),
    ).toEqual([
      { path: `${A}.targets[0].scope.agreementType`, reason: 'needs scope.outcomeType apprenticeship_agreement' },
    ]);
  });

  it('by_date targets with a due date are accepted', () => {
    expect(issues((p) => (first(p).targets = [target({ period: 'by_date', dueOn: '2021-12-31' })]))).toEqual([]);
  });
});

describe('measurements, ordinals and windows', () => {
  it('two targets differing only in period, or both reported, are distinct', () => {
    expect(
      issues((p) => (first(p).targets = [target(), target({ code: 't-2', period: 'by_date', dueOn: '2021-12-31' })])),
    ).toEqual([]);
    expect(
      issues((p) => (first(p).targets = [target({ source: 'reported' }), target({ code: 't-2', source: 'reported' })])),
    ).toEqual([]);
    expect(
      issues(
        (p) =>
          (first(p).targets = [
            target({ scope: { sessionLevels: ['city'] } }),
            target({ code: 't-2', scope: { sessionLevels: ['national'] } }),
          ]),
      ),
    ).toEqual([]);
  });

  it('refuses two activities of one series with the same ordinal', () => {
    const second = activityEntry({ code: 'a-2', targets: [] });
    expect(issues((p) => p.series[0].activities.push(second))).toEqual([
      { path: 'series[0].activities[1].ordinal', reason: 'duplicate ordinal 1' },
    ]);
    expect(issues((p) => p.series[0].activities.push({ ...second, ordinal: 2 }))).toEqual([]);
  });

  it('refuses two series with the same ordinal, and allows one activity ordinal in two series', () => {
    const another = (ordinal: number) => ({
      ordinal,
      label: '二',
      title: '系列二',
      activities: [activityEntry({ code: 'a-2', targets: [] })],
    });
    expect(issues((p) => p.series.push(another(1)))).toEqual([
      { path: 'series[1].ordinal', reason: 'duplicate series ordinal "1" (first at series[0].ordinal)' },
    ]);
    expect(issues((p) => p.series.push(another(2)))).toEqual([]);
  });

  it('program targets may point at an existing series', () => {
    expect(issues((p) => (p.targets = [target({ code: 'total', source: 'reported', seriesOrdinal: 1 })]))).toEqual([]);
  });

  it('refuses two program targets with one code', () => {
    expect(
      issues(
        (p) => (p.targets = [target({ code: 'x', source: 'reported' }), target({ code: 'x', source: 'reported' })]),
      ),
    ).toEqual([{ path: 'targets[1].code', reason: 'duplicate target code "x" (first at targets[0].code)' }]);
  });

  it('a window may fill the program period exactly, or be one day long', () => {
    expect(issues((p) => (first(p).window = { start: '2021-01-01', end: '2021-12-31', text: '全年' }))).toEqual([]);
    expect(issues((p) => (first(p).window = { start: '2021-05-01', end: '2021-05-01', text: '5月1日' }))).toEqual([]);
  });

  it('refuses a window that starts before the program period or ends after it', () => {
    expect(issues((p) => (first(p).window.start = '2020-12-31'))).toEqual([
      {
        path: `${A}.window`,
        reason: '2020-12-31..2021-03-31 lies outside the program period 2021-01-01..2021-12-31',
      },
    ]);
    expect(issues((p) => (first(p).window.end = '2022-01-01'))).toEqual([
      {
        path: `${A}.window`,
        reason: '2021-03-01..2022-01-01 lies outside the program period 2021-01-01..2021-12-31',
      },
    ]);
  });

  it('refuses a program period that ends before it starts', () => {
    expect(issues((p) => (p.period = { start: '2021-12-31', end: '2021-01-01', text: '2021年' }))).toEqual([
      { path: 'period.end', reason: 'must not be before start (2021-12-31)' },
      {
        path: `${A}.window`,
        reason: '2021-03-01..2021-03-31 lies outside the program period 2021-12-31..2021-01-01',
      },
    ]);
  });
});

describe('errors', () => {
  it('are PlanFileErrors naming the file, with a YAML position counted from 1', () => {
    let error: unknown;
    try {
      parseProgramFile('code: a\ntitle: [x\n', 'bad.yaml', UNIT_CODES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFileError);
    expect((error as PlanFileError).name).toBe('PlanFileError');
    expect((error as PlanFileError).file).toBe('bad.yaml');
    expect((error as PlanFileError).issues[0].reason).toMatch(/\(line 3, column 1\)$/);
  });

  it('units: the registry must not be empty, and a unit name may not repeat its own alias elsewhere', () => {
    expect(unitIssues({ units: [] })).toEqual([{ path: 'units', reason: 'must not be empty' }]);
    const units: UnitsFile = {
      units: [
        { code: 'a', name: '甲', kind: 'government' },
        { code: 'b', name: '甲', kind: 'party' },
      ],
    };
    expect(unitIssues(units)).toEqual([{ path: 'units[1].name', reason: 'name "甲" is already used by a' }]);
  });

  it.each(['government', 'party', 'union', 'school', 'association', 'enterprise', 'group'])(
    'units: kind %s is accepted',
    (kind) => {
      expect(unitIssues({ units: [{ code: 'a', name: '甲', kind }] })).toEqual([]);
    },
  );

  it('units: names hold at most 100 characters and full names 200', () => {
    expect(unitIssues({ units: [{ code: 'a', name: 'x'.repeat(101), kind: 'group' }] })).toEqual([
      { path: 'units[0].name', reason: 'must be at most 100 characters, got 101' },
    ]);
    expect(unitIssues({ units: [{ code: 'a', name: 'x', fullName: 'x'.repeat(201), kind: 'group' }] })).toEqual([
      { path: 'units[0].fullName', reason: 'must be at most 200 characters, got 201' },
    ]);
    expect(unitIssues({ units: [{ code: 'a', name: 'x', aliases: ['x'.repeat(101)], kind: 'group' }] })).toEqual([
      { path: 'units[0].aliases[0]', reason: 'must be at most 100 characters, got 101' },
    ]);
  });
});

/** Survivors of the mutation run of 2026-11-30 04:25: each test names the rule it pins. */
describe('a problem inside a value stops the checks that build on it', () => {
  it('an unknown or a missing field keeps the consistency checks of its mapping from running', () => {
    // a by_date target without dueOn would also be refused, but not while the target is malformed
    expect(issues((p) => Object.assign(first(p).targets[0], { period: 'by_date', extra: 1 }))).toEqual([
      { path: `${A}.targets[0].extra`, reason: 'unknown field' },
    ]);
    // an upside-down window would also be refused, but not while its text is missing
    expect(issues((p) => (loose(first(p)).window = { start: '2021-03-31', end: '2021-03-01' }))).toEqual([
      { path: `${A}.window.text`, reason: 'is required' },
    ]);
  });

  it('a bad or repeated list entry keeps the checks of the mapping holding the list from running', () => {
    const ledByEdu = (p: ProgramFile, leadUnits: string[]) =>
      Object.assign(first(p), { leadUnits, parts: [{ title: '分项', leadUnits: ['qz-edu'] }] });
    expect(issues((p) => ledByEdu(p, ['qz-hrss', 'qz-hrss']))).toEqual([
      { path: `${A}.leadUnits[1]`, reason: 'duplicate entry "qz-hrss"' },
    ]);
    expect(issues((p) => ledByEdu(p, ['qz-hrss', 'qz-gone']))).toEqual([
      { path: `${A}.leadUnits[1]`, reason: 'unknown unit code "qz-gone" (not in units.yaml)' },
    ]);
    // with the lead units right, the part led by another unit is what is refused
    expect(issues((p) => ledByEdu(p, ['qz-hrss']))).toEqual([
      { path: `${A}.parts[0].leadUnits[0]`, reason: '"qz-edu" is not in leadUnits' },
    ]);
  });
});

describe('dates and periods the first specs missed', () => {
  it('refuses a date given as a list holding a date', () => {
    expect(issues((p) => Object.assign(first(p).targets[0], { period: 'by_date', dueOn: ['2021-06-30'] }))).toEqual([
      { path: `${A}.targets[0].dueOn`, reason: 'must be a real date written YYYY-MM-DD, got ["2021-06-30"]' },
    ]);
  });

  it('refuses a year before 100, which JavaScript dates would read as 19xx', () => {
    expect(issues((p) => (p.issuedOn = '0050-06-01'))).toEqual([
      { path: 'issuedOn', reason: 'must be a real date written YYYY-MM-DD, got "0050-06-01"' },
    ]);
  });

  it('refuses a half-yearly target that the system tallies', () => {
    expect(issues((p) => (first(p).targets[0].period = 'half_yearly'))).toEqual([
      {
        path: `${A}.targets[0].period`,
        reason: 'half_yearly targets are judged per period, which only reports carry: source must be reported',
      },
    ]);
  });
});
