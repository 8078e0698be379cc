import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as yaml from 'js-yaml';
import {
  ACTIVITY_KINDS,
  ActivityEntry,
  ActivityPart,
  ActivityWindow,
  COMPARATORS,
  LEVELS,
  MODES,
  OUTCOME_TYPES,
  PARTICIPANT_CATEGORIES,
  ProgramFile,
  SeriesEntry,
  TARGET_PERIODS,
  TARGET_MEASURES,
  TARGET_SOURCES,
  TARGET_UNITS,
  TargetEntry,
  TargetScope,
  UNIT_KINDS,
  UnitEntry,
  UnitsFile,
} from './plan-file.types';

export interface PlanFileIssue {
  path: string;
  reason: string;
}

/** Every problem found in one file, so an author can fix them all in one pass. */
export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: PlanFileIssue[],
  ) {
    super(issues.map((i) => `${file}: ${i.path}: ${i.reason}`).join('\n'));
    this.name = 'PlanFileError';
  }
}

// ---------------------------------------------------------------------------------------------
// A tiny schema kit: each check reports its own issues and returns undefined when the value is
// unusable, so parents keep going and every problem in the file is reported at once.

interface Context {
  issues: PlanFileIssue[];
  unitCodes: ReadonlySet<string>;
}

type Check<T> = (value: unknown, path: string, ctx: Context) => T | undefined;

interface Field<T> {
  check: Check<Exclude<T, undefined>>;
  optional: undefined extends T ? true : false;
}

/** `-?` strips undefined from optional properties, so optional-ness is read from `Pick` instead. */
type Fields<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? Field<T[K] | undefined> : Field<T[K]> };

const req = <T>(check: Check<T>): Field<T> => ({ check, optional: false }) as Field<T>;
const opt = <T>(check: Check<T>): Field<T | undefined> => ({ check, optional: true }) as Field<T | undefined>;

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

const typeName = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value);

/** An object with exactly the given fields; `refine` runs only when every field is valid. */
function shape<T>(fields: Fields<T>, refine?: (value: T, path: string, ctx: Context) => void): Check<T> {
  return (value, path, ctx) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.issues.push({ path: path || '(root)', reason: `must be a mapping, got ${typeName(value)}` });
      return undefined;
    }
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let valid = true;
    for (const key of Object.keys(input)) {
      if (!(key in fields)) {
        ctx.issues.push({ path: at(path, key), reason: 'unknown field' });
        valid = false;
      }
    }
    for (const [key, field] of Object.entries(fields) as Array<[string, Field<unknown>]>) {
      const raw = input[key];
      if (raw === undefined || raw === null) {
        if (!field.optional) {
          ctx.issues.push({ path: at(path, key), reason: 'is required' });
          valid = false;
        }
        continue;
      }
      const checked = field.check(raw, at(path, key), ctx);
      if (checked === undefined) valid = false;
      else out[key] = checked;
    }
    if (!valid) return undefined;
    refine?.(out as T, path, ctx);
    return out as T;
  };
}

function list<T>(item: Check<T>, options: { nonEmpty?: boolean; unique?: boolean } = {}): Check<T[]> {
  return (value, path, ctx) => {
    if (!Array.isArray(value)) {
      ctx.issues.push({ path, reason: `must be a list, got ${typeName(value)}` });
      return undefined;
    }
    if (options.nonEmpty && value.length === 0) {
      ctx.issues.push({ path, reason: 'must not be empty' });
      return undefined;
    }
    const out: T[] = [];
    let valid = true;
    value.forEach((raw: unknown, i) => {
      const checked = item(raw, at(path, i), ctx);
      if (checked === undefined) valid = false;
      else if (options.unique && out.includes(checked)) {
        ctx.issues.push({ path: at(path, i), reason: `duplicate entry ${JSON.stringify(checked)}` });
        valid = false;
      } else out.push(checked);
    });
    return valid ? out : undefined;
  };
}

/** A non-blank string; `maxLength` mirrors the catalog's column sizes so imports never truncate. */
const text =
  (maxLength?: number): Check<string> =>
  (value, path, ctx) => {
    if (typeof value !== 'string') {
      ctx.issues.push({ path, reason: `must be a string, got ${typeName(value)}` });
      return undefined;
    }
    if (value.trim() === '') {
      ctx.issues.push({ path, reason: 'must not be blank' });
      return undefined;
    }
    if (maxLength !== undefined && value.length > maxLength) {
      ctx.issues.push({ path, reason: `must be at most ${maxLength} characters, got ${value.length}` });
      return undefined;
    }
    return value;
  };

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const code: Check<string> = (value, path, ctx) => {
  const s = text(64)(value, path, ctx);
  if (s !== undefined && !CODE.test(s)) {
    ctx.issues.push({ path, reason: `must be a lowercase ascii slug (a-z, 0-9, -), got ${JSON.stringify(s)}` });
    return undefined;
  }
  return s;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDate: Check<string> = (value, path, ctx) => {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [y, m, d] = match.slice(1).map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value as string;
  }
  ctx.issues.push({ path, reason: `must be a real date written YYYY-MM-DD, got ${JSON.stringify(value)}` });
  return undefined;
};

const bool: Check<boolean> = (value, path, ctx) => {
  if (typeof value === 'boolean') return value;
  ctx.issues.push({ path, reason: `must be true or false, got ${JSON.stringify(value)}` });
  return undefined;
};

/** Target values and ordinals are whole, positive counts (the catalog stores them as integers). */
const positiveInt: Check<number> = (value, path, ctx) => {
  // Number.isInteger is false for anything but a finite number
  if (Number.isInteger(value) && (value as number) > 0) return value as number;
  ctx.issues.push({ path, reason: `must be a whole number greater than 0, got ${JSON.stringify(value)}` });
  return undefined;
};

const oneOf =
  <T extends string>(allowed: readonly T[]): Check<T> =>
  (value, path, ctx) => {
    if ((allowed as readonly unknown[]).includes(value)) return value as T;
    ctx.issues.push({ path, reason: `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}` });
    return undefined;
  };

const unitRef: Check<string> = (value, path, ctx) => {
  const s = text()(value, path, ctx);
  if (s !== undefined && !ctx.unitCodes.has(s)) {
    ctx.issues.push({ path, reason: `unknown unit code ${JSON.stringify(s)} (not in units.yaml)` });
    return undefined;
  }
  return s;
};
const unitRefs = (nonEmpty: boolean) => list(unitRef, { nonEmpty, unique: true });

const dateRange = <T extends { start: string; end: string }>(value: T, path: string, ctx: Context): void => {
  if (value.start > value.end) {
    ctx.issues.push({ path: at(path, 'end'), reason: `must not be before start (${value.start})` });
  }
};

// ---------------------------------------------------------------------------------------------
// Units

const unitEntry = shape<UnitEntry>({
  code: req(code),
  name: req(text(100)),
  fullName: opt(text(200)),
  kind: req(oneOf(UNIT_KINDS)),
  aliases: opt(list(text(100), { unique: true })),
});

const unitsFile = shape<UnitsFile>({ units: req(list(unitEntry, { nonEmpty: true })) }, (file, _path, ctx) => {
  // Names and aliases must resolve to one unit, or 人社局 could mean two bureaus.
  const codes = new Map<string, number>();
  const names = new Map<string, string>();
  file.units.forEach((unit, i) => {
    const first = codes.get(unit.code);
    if (first !== undefined) {
      ctx.issues.push({
        path: `units[${i}].code`,
        reason: `duplicate unit code "${unit.code}" (first at units[${first}])`,
      });
    } else codes.set(unit.code, i);
    [unit.name, ...(unit.aliases ?? [])].forEach((name, j) => {
      const where = j === 0 ? `units[${i}].name` : `units[${i}].aliases[${j - 1}]`;
      const owner = names.get(name);
      if (owner !== undefined) ctx.issues.push({ path: where, reason: `name "${name}" is already used by ${owner}` });
      else names.set(name, unit.code);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Programs

/** Which sources can filter by each scope key; on `reported` targets a scope only describes what is reported. */
const SCOPE_SOURCES: Record<keyof TargetScope, readonly string[]> = {
  sessionLevels: ['sessions_held', 'reported'],
  category: ['registrations', 'attendance', 'reported'],
  participantLevels: ['registrations', 'attendance', 'reported'],
  statuses: ['registrations'],
  outcomeType: ['outcomes', 'reported'],
  agreementType: ['outcomes', 'reported'],
};

const targetScope = shape<TargetScope>({
  sessionLevels: opt(list(oneOf(LEVELS), { nonEmpty: true, unique: true })),
  category: opt(oneOf(PARTICIPANT_CATEGORIES)),
  participantLevels: opt(list(oneOf(LEVELS), { nonEmpty: true, unique: true })),
  outcomeType: opt(oneOf(OUTCOME_TYPES)),
  agreementType: opt(oneOf(['technical_breakthrough', 'skill_transfer'] as const)),
  statuses: opt(
    list(oneOf(['confirmed', 'pending_approval', 'waitlisted'] as const), { nonEmpty: true, unique: true }),
  ),
});

/** Scope filters that the target's source cannot apply would silently count nothing. */
function checkTargetConsistency(target: TargetEntry, path: string, ctx: Context): void {
  if (target.period === 'by_date' && target.dueOn === undefined) {
    ctx.issues.push({ path: at(path, 'dueOn'), reason: 'is required when period is by_date' });
  }
  if (target.period !== 'by_date' && target.dueOn !== undefined) {
    ctx.issues.push({ path: at(path, 'dueOn'), reason: `only applies to period by_date, not ${target.period}` });
  }
  const scope = target.scope ?? {};
  for (const key of Object.keys(scope) as Array<keyof TargetScope>) {
    if (!SCOPE_SOURCES[key].includes(target.source)) {
      ctx.issues.push({ path: `${path}.scope.${key}`, reason: `does not apply to source ${target.source}` });
    }
  }
  if ((target.period === 'yearly' || target.period === 'half_yearly') && target.source !== 'reported') {
    ctx.issues.push({
      path: at(path, 'period'),
      reason: `${target.period} targets are judged per period, which only reports carry: source must be reported`,
    });
  }
  if (target.measure === 'stock' && target.source !== 'reported') {
    ctx.issues.push({ path: at(path, 'measure'), reason: `stock needs source reported, not ${target.source}` });
  }
  if (target.unit === '倍' && target.measure !== 'stock') {
    ctx.issues.push({ path: at(path, 'measure'), reason: 'a ratio (倍) is a level: measure must be stock' });
  }
  if (target.source === 'outcomes' && scope.outcomeType === undefined) {
    ctx.issues.push({ path: `${path}.scope.outcomeType`, reason: 'is required when source is outcomes' });
  }
  if (scope.participantLevels && scope.category !== 'skilled_talent') {
    ctx.issues.push({ path: `${path}.scope.participantLevels`, reason: 'needs scope.category skilled_talent' });
  }
  if (scope.agreementType && scope.outcomeType !== 'apprenticeship_agreement') {
    ctx.issues.push({
      path: `${path}.scope.agreementType`,
      reason: 'needs scope.outcomeType apprenticeship_agreement',
    });
  }
}

const target = shape<TargetEntry>(
  {
    code: req(code),
    metric: req(text(100)),
    label: req(text(200)),
    value: req(positiveInt),
    comparator: req(oneOf(COMPARATORS)),
    unit: req(oneOf(TARGET_UNITS)),
    period: req(oneOf(TARGET_PERIODS)),
    dueOn: opt(isoDate),
    source: req(oneOf(TARGET_SOURCES)),
    measure: opt(oneOf(TARGET_MEASURES)),
    scope: opt(targetScope),
    text: req(text()),
    qualifier: opt(text(20)),
    seriesOrdinal: opt(positiveInt),
    responsibleUnits: opt(unitRefs(true)),
    note: opt(text()),
  },
  checkTargetConsistency,
);

const activityWindow = shape<ActivityWindow>(
  { start: req(isoDate), end: req(isoDate), text: req(text(100)) },
  dateRange,
);

const activityPart = shape<ActivityPart>({ title: req(text(300)), leadUnits: req(unitRefs(true)) });

const activity = shape<ActivityEntry>(
  {
    code: req(code),
    ordinal: req(positiveInt),
    label: req(text(20)),
    title: req(text(300)),
    shortTitle: opt(text(100)),
    kind: req(oneOf(ACTIVITY_KINDS)),
    window: req(activityWindow),
    city: opt(text(50)),
    mode: req(oneOf(MODES)),
    adjustable: req(bool),
    content: req(text()),
    leadUnits: req(unitRefs(true)),
    hostUnits: req(unitRefs(false)),
    hostRole: req(text(20)),
    hostUnitsOpenEnded: opt(bool),
    leadNote: opt(text(200)),
    parts: opt(list(activityPart, { nonEmpty: true })),
    deliverables: opt(list(text(), { unique: true })),
    note: opt(text()),
    targets: req(list(target)),
  },
  (a, path, ctx) => {
    a.parts?.forEach((part, i) =>
      part.leadUnits.forEach((unit, j) => {
        if (!a.leadUnits.includes(unit)) {
          ctx.issues.push({ path: `${path}.parts[${i}].leadUnits[${j}]`, reason: `"${unit}" is not in leadUnits` });
        }
      }),
    );
    checkDistinctMeasurements(a.targets, `${path}.targets`, ctx);
  },
);

/** Two targets of one activity with the same source, scope and period would always show the same actual. */
function checkDistinctMeasurements(targets: TargetEntry[], path: string, ctx: Context): void {
  const seen = new Map<string, number>();
  targets.forEach((t, i) => {
    if (t.source === 'reported') return; // reports are filed per target
    const key = JSON.stringify([t.source, t.period, t.scope ?? {}]);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.issues.push({ path: `${path}[${i}].scope`, reason: `measures exactly what ${path}[${first}] measures` });
    } else seen.set(key, i);
  });
}

const series = shape<SeriesEntry>(
  {
    ordinal: req(positiveInt),
    label: req(text(20)),
    title: req(text(300)),
    activities: req(list(activity, { nonEmpty: true })),
  },
  (s, path, ctx) => {
    const ordinals = new Map<number, number>();
    s.activities.forEach((a, i) => {
      const first = ordinals.get(a.ordinal);
      if (first !== undefined) {
        ctx.issues.push({ path: `${path}.activities[${i}].ordinal`, reason: `duplicate ordinal ${a.ordinal}` });
      } else ordinals.set(a.ordinal, i);
    });
  },
);

const safeguard = shape<{ label: string; title: string; text: string }>({
  label: req(text(20)),
  title: req(text(300)),
  text: req(text()),
});

const program = shape<ProgramFile>(
  {
    code: req(code),
    title: req(text(300)),
    documentNumber: opt(text(100)),
    noticeTitle: opt(text(300)),
    noticeText: opt(text()),
    issuingUnits: req(unitRefs(true)),
    issuedOn: req(isoDate),
    period: req(
      shape<ProgramFile['period']>({ start: req(isoDate), end: req(isoDate), text: req(text(100)) }, dateRange),
    ),
    summary: opt(text()),
    preamble: opt(text()),
    targets: req(list(target)),
    safeguards: opt(list(safeguard)),
    series: req(list(series, { nonEmpty: true })),
  },
  checkProgram,
);

/** Cross-references that span the whole file: codes, ordinals and windows. */
function checkProgram(p: ProgramFile, _path: string, ctx: Context): void {
  const unique = (kind: string, seen: Map<string, string>, key: string, path: string) => {
    const first = seen.get(key);
    if (first !== undefined) ctx.issues.push({ path, reason: `duplicate ${kind} "${key}" (first at ${first})` });
    else seen.set(key, path);
  };
  const activityCodes = new Map<string, string>();
  const targetCodes = new Map<string, string>();
  const seriesOrdinals = new Map<string, string>();
  p.targets.forEach((t, i) => unique('target code', targetCodes, t.code, `targets[${i}].code`));
  p.series.forEach((s, si) => {
    unique('series ordinal', seriesOrdinals, String(s.ordinal), `series[${si}].ordinal`);
    s.activities.forEach((a, ai) => {
      const path = `series[${si}].activities[${ai}]`;
      unique('activity code', activityCodes, a.code, `${path}.code`);
      a.targets.forEach((t, ti) => unique('target code', targetCodes, t.code, `${path}.targets[${ti}].code`));
      if (a.window.start < p.period.start || a.window.end > p.period.end) {
        ctx.issues.push({
          path: `${path}.window`,
          reason: `${a.window.start}..${a.window.end} lies outside the program period ${p.period.start}..${p.period.end}`,
        });
      }
    });
  });
  p.targets.forEach((t, i) => {
    if (t.seriesOrdinal !== undefined && !seriesOrdinals.has(String(t.seriesOrdinal))) {
      ctx.issues.push({ path: `targets[${i}].seriesOrdinal`, reason: `no series has ordinal ${t.seriesOrdinal}` });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points

function parse<T>(check: Check<T>, yamlText: string, fileName: string, unitCodes: ReadonlySet<string>): T {
  let document: unknown;
  try {
    // JSON_SCHEMA keeps 2021-01-28 a string instead of turning it into a Date.
    document = yaml.load(yamlText, { schema: yaml.JSON_SCHEMA, filename: fileName });
  } catch (error) {
    const reason =
      error instanceof yaml.YAMLException
        ? `${error.reason} (line ${error.mark.line + 1}, column ${error.mark.column + 1})`
        : String(error);
    throw new PlanFileError(fileName, [{ path: '(yaml)', reason }]);
  }
  const ctx: Context = { issues: [], unitCodes };
  const result = check(document, '', ctx);
  if (ctx.issues.length > 0 || result === undefined) {
    throw new PlanFileError(fileName, ctx.issues.length ? ctx.issues : [{ path: '(root)', reason: 'is invalid' }]);
  }
  return result;
}

export function parseUnitsFile(yamlText: string, fileName: string): UnitsFile {
  return parse(unitsFile, yamlText, fileName, new Set());
}

export function parseProgramFile(yamlText: string, fileName: string, unitCodes: ReadonlySet<string>): ProgramFile {
  return parse(program, yamlText, fileName, unitCodes);
}

/** Reads `units.yaml` and every `plans/*.yaml` of a config directory, in file-name order. */
export function loadPlanFiles(configDir: string): { units: UnitsFile; programs: ProgramFile[] } {
  const unitsPath = join(configDir, 'units.yaml');
  const units = parseUnitsFile(readFileSync(unitsPath, 'utf8'), unitsPath);
  const unitCodes = new Set(units.units.map((u) => u.code));
  const plansDir = join(configDir, 'plans');
  const programs: ProgramFile[] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(plansDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const file = join(plansDir, name);
    const parsed = parseProgramFile(readFileSync(file, 'utf8'), file, unitCodes);
    const other = seen.get(parsed.code);
    if (other !== undefined) {
      throw new PlanFileError(file, [
        { path: 'code', reason: `program code "${parsed.code}" is also used by ${other}` },
      ]);
    }
    seen.set(parsed.code, file);
    programs.push(parsed);
  }
  return { units, programs };
}
