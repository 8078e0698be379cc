import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import { loadPlanFiles, parseProgramFile, parseUnitsFile, PlanFileError, PlanFileIssue } from './plan-file.parser';
import { ProgramFile, UnitsFile } from './plan-file.types';

const UNIT_CODES = new Set(['qz-hrss', 'qz-edu', 'qz-groups']);

function validUnits(): UnitsFile {
  return {
    units: [
      {
        code: 'qz-hrss',
        name: '市人社局',
        fullName: '泉州市人力资源和社会保障局',
        kind: 'government',
        aliases: ['人社局'],
      },
      { code: 'qz-edu', name: '市教育局', kind: 'government', aliases: ['教育局'] },
      { code: 'qz-groups', name: '各行业主管部门', kind: 'group' },
    ],
  };
}

function validProgram(): ProgramFile {
  return {
    code: 'test-plan',
    title: '测试方案',
    issuingUnits: ['qz-hrss'],
    issuedOn: '2021-01-28',
    period: { start: '2021-01-01', end: '2021-12-31', text: '2021年' },
    targets: [],
    series: [
      {
        ordinal: 1,
        label: '一',
        title: '系列',
        activities: [
          {
            code: 'a-1',
            ordinal: 1,
            label: '（一）',
            title: '对接会',
            kind: 'matchmaking_fair',
            window: { start: '2021-03-01', end: '2021-03-31', text: '3月' },
            mode: 'online_allowed',
            adjustable: true,
            content: '邀请200家企业参与。',
            leadUnits: ['qz-hrss'],
            hostUnits: ['qz-hrss', 'qz-edu'],
            hostRole: '承办单位',
            targets: [
              {
                code: 'a-1-enterprises',
                metric: 'enterprises_participating',
                label: '企业',
                value: 200,
                comparator: 'exactly',
                unit: '家',
                period: 'once',
                source: 'registrations',
                scope: { category: 'enterprise', statuses: ['confirmed'] },
                text: '邀请200家企业参与。',
              },
            ],
          },
          {
            code: 'a-2',
            ordinal: 2,
            label: '（二）',
            title: '竞赛',
            kind: 'competition',
            window: { start: '2021-12-01', end: '2021-12-31', text: '12月' },
            mode: 'offline',
            adjustable: false,
            content: '组织举办职业技能竞赛30场以上。',
            leadUnits: ['qz-hrss', 'qz-groups'],
            hostUnits: ['qz-hrss'],
            hostRole: '承办单位',
            parts: [{ title: '竞赛', leadUnits: ['qz-groups'] }],
            targets: [
              {
                code: 'a-2-competitions',
                metric: 'competitions_held',
                label: '职业技能竞赛',
                value: 30,
                comparator: 'at_least',
                qualifier: '以上',
                unit: '场',
                period: 'once',
                source: 'sessions_held',
                text: '组织举办职业技能竞赛30场以上。',
              },
            ],
          },
        ],
      },
    ],
  };
}

/** Writes loosely typed values into a parsed-shape object, as a careless author would. */
function set(target: object, key: string, value: unknown): void {
  (target as Record<string, unknown>)[key] = value;
}

function unset(target: object, key: string): void {
  delete (target as Record<string, unknown>)[key];
}

function issuesOf(run: () => unknown): PlanFileIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanFileError) return error.issues;
    throw error;
  }
  throw new Error('expected a PlanFileError');
}

function programIssues(edit: (p: ProgramFile) => void): PlanFileIssue[] {
  const p = validProgram();
  edit(p);
  return issuesOf(() => parseProgramFile(yaml.dump(p), 'test.yaml', UNIT_CODES));
}

const activity = (p: ProgramFile, i = 0) => p.series[0].activities[i];

describe(parseProgramFile.name, () => {
  it('accepts a valid file and keeps dates as strings', () => {
    const parsed = parseProgramFile(yaml.dump(validProgram()), 'test.yaml', UNIT_CODES);
    expect(parsed).toEqual(validProgram());
    expect(typeof parsed.issuedOn).toBe('string');
  });

  it('keeps an unquoted date a string', () => {
    const text = yaml.dump(validProgram()).replace("issuedOn: '2021-01-28'", 'issuedOn: 2021-01-28');
    expect(text).toContain('issuedOn: 2021-01-28\n');
    expect(parseProgramFile(text, 'test.yaml', UNIT_CODES).issuedOn).toBe('2021-01-28');
  });

  it.each([0, -5, 1.5, 'ten', Infinity])('rejects the target value %p', (value) => {
    expect(programIssues((p) => set(activity(p).targets[0], 'value', value))).toEqual([
      { path: 'series[0].activities[0].targets[0].value', reason: expect.stringContaining('whole number') },
    ]);
  });

  it('rejects a value outside an enum and names the allowed ones', () => {
    expect(programIssues((p) => set(activity(p), 'kind', 'party'))).toEqual([
      { path: 'series[0].activities[0].kind', reason: expect.stringContaining('must be one of competition,') },
    ]);
    expect(programIssues((p) => set(activity(p).targets[0].scope!, 'category', 'student'))).toEqual([
      { path: 'series[0].activities[0].targets[0].scope.category', reason: expect.stringContaining('enterprise') },
    ]);
  });

  it('rejects a missing required field', () => {
    expect(programIssues((p) => unset(activity(p, 1), 'title'))).toEqual([
      { path: 'series[0].activities[1].title', reason: 'is required' },
    ]);
    expect(programIssues((p) => unset(p.period, 'end'))).toEqual([{ path: 'period.end', reason: 'is required' }]);
  });

  it('rejects an unknown field', () => {
    expect(programIssues((p) => set(activity(p).window, 'until', '2021-04-01'))).toEqual([
      { path: 'series[0].activities[0].window.until', reason: 'unknown field' },
    ]);
  });

  it('rejects an unknown unit code wherever units are referenced', () => {
    const issues = programIssues((p) => {
      activity(p).hostUnits = ['qz-hrss', 'qz-nowhere'];
      activity(p, 1).parts![0].leadUnits = ['qz-ghost'];
      p.issuingUnits = ['qz-office'];
    });
    expect(issues.map((i) => i.path)).toEqual([
      'issuingUnits[0]',
      'series[0].activities[0].hostUnits[1]',
      'series[0].activities[1].parts[0].leadUnits[0]',
    ]);
    expect(issues[1].reason).toBe('unknown unit code "qz-nowhere" (not in units.yaml)');
  });

  it('rejects empty lead units and a unit listed twice', () => {
    expect(programIssues((p) => (activity(p).leadUnits = []))).toEqual([
      { path: 'series[0].activities[0].leadUnits', reason: 'must not be empty' },
    ]);
    expect(programIssues((p) => (activity(p).hostUnits = ['qz-edu', 'qz-edu']))).toEqual([
      { path: 'series[0].activities[0].hostUnits[1]', reason: 'duplicate entry "qz-edu"' },
    ]);
  });

  it('rejects duplicate activity and target codes within the program', () => {
    expect(programIssues((p) => (activity(p, 1).code = 'a-1'))).toEqual([
      {
        path: 'series[0].activities[1].code',
        reason: 'duplicate activity code "a-1" (first at series[0].activities[0].code)',
      },
    ]);
    const issues = programIssues((p) =>
      p.targets.push({ ...activity(p, 1).targets[0], period: 'yearly', source: 'reported' }),
    );
    expect(issues).toEqual([
      {
        path: 'series[0].activities[1].targets[0].code',
        reason: 'duplicate target code "a-2-competitions" (first at targets[0].code)',
      },
    ]);
  });

  it.each([
    ['2021-02-30', 'a day that does not exist'],
    ['2021/03/31', 'slashes'],
    ['2021-3-31', 'an unpadded month'],
  ])('rejects the date %s (%s)', (date) => {
    expect(programIssues((p) => (activity(p).window.end = date))).toEqual([
      { path: 'series[0].activities[0].window.end', reason: `must be a real date written YYYY-MM-DD, got "${date}"` },
    ]);
  });

  it('rejects a window that ends before it starts or leaves the program period', () => {
    expect(programIssues((p) => (activity(p).window.start = '2021-04-01'))).toEqual([
      { path: 'series[0].activities[0].window.end', reason: 'must not be before start (2021-04-01)' },
    ]);
    expect(programIssues((p) => (activity(p).window.end = '2022-01-31'))).toEqual([
      { path: 'series[0].activities[0].window', reason: expect.stringContaining('outside the program period') },
    ]);
  });

  it('requires dueOn exactly for by_date targets', () => {
    expect(programIssues((p) => (activity(p, 1).targets[0].period = 'by_date'))).toEqual([
      { path: 'series[0].activities[1].targets[0].dueOn', reason: 'is required when period is by_date' },
    ]);
    expect(programIssues((p) => (activity(p, 1).targets[0].dueOn = '2021-12-31'))).toEqual([
      { path: 'series[0].activities[1].targets[0].dueOn', reason: 'only applies to period by_date, not once' },
    ]);
  });

  it('rejects scope filters the source cannot apply', () => {
    expect(programIssues((p) => (activity(p).targets[0].scope!.sessionLevels = ['city']))).toEqual([
      {
        path: 'series[0].activities[0].targets[0].scope.sessionLevels',
        reason: 'does not apply to source registrations',
      },
    ]);
    expect(programIssues((p) => (activity(p, 1).targets[0].source = 'outcomes'))).toEqual([
      { path: 'series[0].activities[1].targets[0].scope.outcomeType', reason: 'is required when source is outcomes' },
    ]);
  });

  it('rejects two targets that would always show the same actual', () => {
    const issues = programIssues((p) => activity(p).targets.push({ ...activity(p).targets[0], code: 'again' }));
    expect(issues).toEqual([
      {
        path: 'series[0].activities[0].targets[1].scope',
        reason: 'measures exactly what series[0].activities[0].targets[0] measures',
      },
    ]);
  });

  it('rejects a part led by a unit that is not a lead unit of the activity', () => {
    expect(programIssues((p) => (activity(p, 1).leadUnits = ['qz-hrss']))).toEqual([
      {
        path: 'series[0].activities[1].parts[0].leadUnits[0]',
        reason: '"qz-groups" is not in leadUnits',
      },
    ]);
  });

  it('rejects a program-level target pointing at a missing series', () => {
    const issues = programIssues((p) =>
      p.targets.push({ ...activity(p, 1).targets[0], code: 'total', source: 'reported', seriesOrdinal: 9 }),
    );
    expect(issues).toEqual([{ path: 'targets[0].seriesOrdinal', reason: 'no series has ordinal 9' }]);
  });

  it('reports every problem of a file at once, one "file: path: reason" line each', () => {
    const p = validProgram();
    set(activity(p).targets[0], 'value', -1);
    set(activity(p), 'kind', 'banquet');
    unset(activity(p, 1), 'content');
    activity(p, 1).hostUnits = ['qz-nowhere'];
    let error: unknown;
    try {
      parseProgramFile(yaml.dump(p), 'plans/test.yaml', UNIT_CODES);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanFileError);
    const { issues, message } = error as PlanFileError;
    expect(issues.map((i) => i.path)).toEqual([
      'series[0].activities[0].kind',
      'series[0].activities[0].targets[0].value',
      'series[0].activities[1].content',
      'series[0].activities[1].hostUnits[0]',
    ]);
    expect(message.split('\n')).toEqual(issues.map((i) => `plans/test.yaml: ${i.path}: ${i.reason}`));
  });

  it('turns a YAML syntax error into an issue at (yaml)', () => {
    const issues = issuesOf(() => parseProgramFile('code: test\ntitle: [unclosed\n', 'bad.yaml', UNIT_CODES));
    expect(issues).toEqual([{ path: '(yaml)', reason: expect.stringMatching(/line \d+, column \d+/) }]);
  });

  it('rejects a duplicate key as a YAML error', () => {
    const issues = issuesOf(() => parseProgramFile('code: a\ncode: b\n', 'dup.yaml', UNIT_CODES));
    expect(issues).toEqual([{ path: '(yaml)', reason: expect.stringContaining('duplicated mapping key') }]);
  });

  it('rejects a document that is not a mapping', () => {
    expect(issuesOf(() => parseProgramFile('- a\n- b\n', 'list.yaml', UNIT_CODES))).toEqual([
      { path: '(root)', reason: 'must be a mapping, got list' },
    ]);
  });

  it('accepts measure stock on a reported target', () => {
    const p = validProgram();
    Object.assign(activity(p).targets[0], { source: 'reported', scope: undefined, measure: 'stock' });
    unset(activity(p).targets[0], 'scope');
    expect(parseProgramFile(yaml.dump(p), 'test.yaml', UNIT_CODES).series[0].activities[0].targets[0].measure).toBe(
      'stock',
    );
  });

  it('refuses a stock counted by the system, an unknown measure, a ratio flow and a periodic tally', () => {
    expect(programIssues((p) => set(activity(p, 1).targets[0], 'measure', 'stock'))).toEqual([
      {
        path: 'series[0].activities[1].targets[0].measure',
        reason: 'stock needs source reported, not sessions_held',
      },
    ]);
    expect(programIssues((p) => set(activity(p, 1).targets[0], 'measure', 'level'))[0]!.path).toBe(
      'series[0].activities[1].targets[0].measure',
    );
    expect(programIssues((p) => Object.assign(activity(p, 1).targets[0], { unit: '倍', source: 'reported' }))).toEqual([
      { path: 'series[0].activities[1].targets[0].measure', reason: 'a ratio (倍) is a level: measure must be stock' },
    ]);
    expect(programIssues((p) => set(activity(p, 1).targets[0], 'period', 'yearly'))).toEqual([
      {
        path: 'series[0].activities[1].targets[0].period',
        reason: 'yearly targets are judged per period, which only reports carry: source must be reported',
      },
    ]);
  });
});

describe(parseUnitsFile.name, () => {
  const unitsIssues = (edit: (u: UnitsFile) => void) => {
    const units = validUnits();
    edit(units);
    return issuesOf(() => parseUnitsFile(yaml.dump(units), 'units.yaml'));
  };

  it('accepts a valid registry', () => {
    expect(parseUnitsFile(yaml.dump(validUnits()), 'units.yaml')).toEqual(validUnits());
  });

  it('rejects a duplicate code', () => {
    expect(unitsIssues((u) => (u.units[1].code = 'qz-hrss'))).toEqual([
      { path: 'units[1].code', reason: 'duplicate unit code "qz-hrss" (first at units[0])' },
    ]);
  });

  it('rejects a name or alias that would resolve to two units', () => {
    expect(unitsIssues((u) => (u.units[1].aliases = ['教育局', '人社局']))).toEqual([
      { path: 'units[1].aliases[1]', reason: 'name "人社局" is already used by qz-hrss' },
    ]);
  });

  it('rejects an unknown kind and a non-slug code', () => {
    const issues = unitsIssues((u) => {
      set(u.units[0], 'kind', 'ministry');
      u.units[2].code = '各行业';
    });
    expect(issues.map((i) => i.path)).toEqual(['units[0].kind', 'units[2].code']);
  });
});

describe(loadPlanFiles.name, () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-files-'));
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'units.yaml'), yaml.dump(validUnits()));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const writePlan = (name: string, edit: (p: ProgramFile) => void = () => undefined) => {
    const p = validProgram();
    edit(p);
    writeFileSync(join(dir, 'plans', name), yaml.dump(p));
  };

  it('reads the units and every plan, in file-name order', () => {
    writePlan('b.yaml', (p) => (p.code = 'plan-b'));
    writePlan('a.yaml', (p) => (p.code = 'plan-a'));
    writeFileSync(join(dir, 'plans', 'README.md'), '# not a plan');
    const { units, programs } = loadPlanFiles(dir);
    expect(units.units).toHaveLength(3);
    expect(programs.map((p) => p.code)).toEqual(['plan-a', 'plan-b']);
  });

  it('names the plan file that references an unknown unit', () => {
    writePlan('a.yaml', (p) => (p.issuingUnits = ['qz-office']));
    expect(() => loadPlanFiles(dir)).toThrow(`${join(dir, 'plans', 'a.yaml')}: issuingUnits[0]: unknown unit code`);
  });

  it('rejects two plan files with one program code', () => {
    writePlan('a.yaml');
    writePlan('b.yaml');
    expect(() => loadPlanFiles(dir)).toThrow(/b\.yaml: code: program code "test-plan" is also used by .*a\.yaml/);
  });
});
