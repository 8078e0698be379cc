/**
 * The shape of one plan document as it lives in `config/plans/*.yaml`, and of the
 * shared unit registry in `config/units.yaml`.
 *
 * The YAML is the source of truth for what a plan says; the importer validates it
 * (errors name the path, e.g. `series[1].activities[2].targets[0].value`) and
 * upserts it idempotently keyed by `code` at every level.
 */

/** Participant categories a session can hold quotas for. */
export const PARTICIPANT_CATEGORIES = [
  'enterprise',
  'phd',
  'skilled_talent',
  'graduate',
  'worker',
  'institution',
  'startup_team',
] as const;
export type ParticipantCategory = (typeof PARTICIPANT_CATEGORIES)[number];

/** Levels of a session (competition tier) and of a skilled talent. */
export const LEVELS = ['grassroots', 'county', 'city', 'provincial', 'national'] as const;
export type Level = (typeof LEVELS)[number];

export const OUTCOME_TYPES = [
  'cooperation_intent',
  'apprenticeship_agreement',
  'industry_college',
  'training_base',
  'joint_program',
  'achievement_promoted',
  'startup_project',
  'award',
  'milestone',
] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const ACTIVITY_KINDS = [
  'competition',
  'training_trip',
  'apprenticeship',
  'exchange_week',
  'founding_meeting',
  'matchmaking_fair',
  'social_practice',
  'recruitment',
  'pitch_fair',
  'measure',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const UNIT_KINDS = ['government', 'party', 'union', 'school', 'association', 'enterprise', 'group'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 以上 / 力争 / 突破 / 争取 all mean "at least"; 翻番 is a ratio against a baseline. */
export const COMPARATORS = ['at_least', 'exactly', 'at_most'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const TARGET_UNITS = ['场次', '名', '家', '份', '项', '个', '次', '倍', '场'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export const TARGET_SOURCES = ['registrations', 'attendance', 'sessions_held', 'outcomes', 'reported'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

/** once = within the activity window; yearly / half_yearly repeat; by_date = cumulative until dueOn. */
export const TARGET_PERIODS = ['once', 'yearly', 'half_yearly', 'by_date'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/**
 * What a target's number measures. A flow counts things done (reports of different periods add
 * up: competitions held, teams funded); a stock is a level at a moment (人才总量, platforms in
 * existence, a 翻番 ratio): the latest report stands and is never summed over periods.
 */
export const TARGET_MEASURES = ['flow', 'stock'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

export const MODES = ['offline', 'online_allowed', 'online'] as const;
export type ActivityMode = (typeof MODES)[number];

export interface UnitEntry {
  /** stable ascii slug, e.g. `qz-hrss` (泉州市人社局) */
  code: string;
  /** the short name the documents use first, e.g. 市人社局 */
  name: string;
  /** the full official name, e.g. 泉州市人力资源和社会保障局 */
  fullName?: string;
  kind: UnitKind;
  /** other spellings found in the documents (人社局, 泉州市人社局 ...) */
  aliases?: string[];
}

export interface UnitsFile {
  units: UnitEntry[];
}

export interface TargetScope {
  /** session level for sessions_held; e.g. county */
  sessionLevels?: Level[];
  /** participant category for registrations / attendance */
  category?: ParticipantCategory;
  /** skilled-talent levels for registrations / attendance, e.g. [national, provincial] */
  participantLevels?: Level[];
  /** for source=outcomes */
  outcomeType?: OutcomeType;
  /** for apprenticeship agreements: technical_breakthrough | skill_transfer */
  agreementType?: 'technical_breakthrough' | 'skill_transfer';
  /** registration statuses counted for source=registrations; default [confirmed] */
  statuses?: Array<'confirmed' | 'pending_approval' | 'waitlisted'>;
}

export interface TargetEntry {
  /** stable within the program, e.g. `qbh-enterprises` */
  code: string;
  /** machine metric name, e.g. `enterprises_participating` */
  metric: string;
  /** human label in Chinese, e.g. 参与企业 */
  label: string;
  value: number;
  comparator: Comparator;
  unit: TargetUnit;
  period: TargetPeriod;
  /** ISO date, required for by_date */
  dueOn?: string;
  source: TargetSource;
  /** flow (default) or stock; only `reported` targets can be stocks */
  measure?: TargetMeasure;
  scope?: TargetScope;
  /** the sentence of the document this number comes from, verbatim */
  text: string;
  /** e.g. 力争, 争取, 突破, 以上 — the document's own word */
  qualifier?: string;
  /** series ordinal this program-level target rolls up to (2025 totals) */
  seriesOrdinal?: number;
  /** unit codes responsible when they differ from the activity's lead units */
  responsibleUnits?: string[];
  /** editorial note: how a reading of the document was chosen (not document text) */
  note?: string;
}

export interface ActivityWindow {
  /** inclusive ISO date */
  start: string;
  /** inclusive ISO date */
  end: string;
  /** the document's wording: 3-10月, 下半年, 到2025年 */
  text: string;
}

export interface ActivityPart {
  title: string;
  leadUnits: string[];
}

export interface ActivityEntry {
  /** stable within the program, e.g. `2021-2-2` */
  code: string;
  ordinal: number;
  /** the document's own numbering: （二）, 2. */
  label: string;
  title: string;
  /** 泉博会 */
  shortTitle?: string;
  kind: ActivityKind;
  window: ActivityWindow;
  city?: string;
  mode: ActivityMode;
  /** 具体视疫情情况调整 */
  adjustable: boolean;
  /** activity content (活动内容) verbatim */
  content: string;
  /** unit codes; lead units first in document order */
  leadUnits: string[];
  /** unit codes of 承办/主办/责任单位 in document order */
  hostUnits: string[];
  /** 承办单位 | 主办单位 | 责任单位 */
  hostRole: string;
  /** the document lists 等有关单位 after the host units */
  hostUnitsOpenEnded?: boolean;
  /** e.g. 相关单位配合 */
  leadNote?: string;
  /** sub-parts with their own lead, e.g. 2021 一（四） */
  parts?: ActivityPart[];
  /** deliverables with no number: 命名一批好师傅, 设立博士人才智库 */
  deliverables?: string[];
  /** editorial note: how a reading of the document was chosen (not document text) */
  note?: string;
  targets: TargetEntry[];
}

export interface SeriesEntry {
  ordinal: number;
  /** 一 / （一） */
  label: string;
  title: string;
  activities: ActivityEntry[];
}

export interface ProgramFile {
  /** stable program key, e.g. `qz-2021-talent-activities` */
  code: string;
  title: string;
  /** 泉政办明传〔2021〕11号; omitted when the document has none */
  documentNumber?: string;
  /** the notice's own title */
  noticeTitle?: string;
  /** the notice's addressees and body verbatim (各县（市、区）人民政府，…：现印发给你们…) */
  noticeText?: string;
  /** unit codes */
  issuingUnits: string[];
  /** ISO date */
  issuedOn: string;
  period: { start: string; end: string; text: string };
  /** preamble / 总体要求 verbatim */
  summary?: string;
  /** the opening paragraph verbatim, when `summary` holds a separate 总体要求 section */
  preamble?: string;
  /** program-level targets (2025 totals, the half-yearly meeting rule) */
  targets: TargetEntry[];
  /** 实施保障 and similar sections without targets, verbatim */
  safeguards?: Array<{ label: string; title: string; text: string }>;
  series: SeriesEntry[];
}
