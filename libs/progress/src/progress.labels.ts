import { ProgressStatus } from './progress.rules';

export type ExportLocale = 'zh-CN' | 'en';

/** English when the caller's first preference is English, Chinese otherwise. */
export const exportLocale = (acceptLanguage: string | undefined): ExportLocale =>
  /^\s*en\b/i.test(acceptLanguage ?? '') ? 'en' : 'zh-CN';

type Dict = Record<string, string>;
const pick = (dict: { 'zh-CN': Dict; en: Dict }, locale: ExportLocale, key: string): string => dict[locale][key] ?? key;

const STATUS = {
  'zh-CN': { met: '已完成', on_track: '进度正常', behind: '滞后', not_started: '未开始' },
  en: { met: 'met', on_track: 'on track', behind: 'behind', not_started: 'not started' },
};
const COMPARATOR = {
  'zh-CN': { at_least: '不少于', exactly: '等于', at_most: '不超过' },
  en: { at_least: 'at least', exactly: 'exactly', at_most: 'at most' },
};
const PERIOD = {
  'zh-CN': { once: '一次性', yearly: '每年', half_yearly: '每半年', by_date: '截止日期前' },
  en: { once: 'once', yearly: 'yearly', half_yearly: 'half-yearly', by_date: 'by the due date' },
};
const SOURCE = {
  'zh-CN': {
    registrations: '报名（确认）',
    attendance: '签到',
    sessions_held: '已举办场次',
    outcomes: '成果记录',
    reported: '单位报送',
  },
  en: {
    registrations: 'registrations',
    attendance: 'attendance',
    sessions_held: 'sessions held',
    outcomes: 'outcomes',
    reported: 'unit reports',
  },
};
const MEASURE = {
  'zh-CN': { flow: '增量', stock: '存量' },
  en: { flow: 'flow', stock: 'stock' },
};

export const statusLabel = (s: ProgressStatus, l: ExportLocale) => pick(STATUS, l, s);
export const comparatorLabel = (c: string, l: ExportLocale) => pick(COMPARATOR, l, c);
export const periodKindLabel = (p: string, l: ExportLocale) => pick(PERIOD, l, p);
export const sourceLabel = (s: string, l: ExportLocale) => pick(SOURCE, l, s);
export const measureLabel = (m: string, l: ExportLocale) => pick(MEASURE, l, m);

/** `2023` → 2023年, `2023-H1` → 2023年上半年 (en: 2023, 2023 H1). */
export function periodLabelText(label: string, l: ExportLocale): string {
  const [year, part] = label.split('-');
  if (l === 'en') return part ? `${year} ${part}` : year!;
  if (!part) return `${year}年`;
  if (part === 'H1') return `${year}年上半年`;
  if (part === 'H2') return `${year}年下半年`;
  if (part.startsWith('Q')) return `${year}年第${part.slice(1)}季度`;
  return `${year}年${Number(part)}月`;
}

/** A moment as Beijing time, `2026-11-30 08:55`. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The title line of an export: the program and the time it is as of. */
export function exportTitle(program: string, asOf: string, l: ExportLocale, what = 'progress'): string {
  const zhWhat = what === 'progress' ? '目标任务进度表' : what;
  return l === 'en'
    ? `${program} — ${what} as of ${beijingTime(asOf)} (Beijing time)`
    : `${program}${zhWhat}（截至${beijingTime(asOf)}，北京时间）`;
}

export const HEADERS = {
  'zh-CN': {
    series: '系列',
    activityNo: '序号',
    activity: '活动（措施）',
    label: '指标',
    measure: '类型',
    period: '考核周期',
    periodLabel: '考核期',
    start: '开始日期',
    end: '截止日期',
    comparator: '要求',
    target: '目标值',
    unit: '单位',
    actual: '实际完成',
    ratio: '完成率',
    status: '状态',
    units: '责任单位（牵头单位在前）',
    source: '数据来源',
    code: '编码',
    leadUnit: '牵头单位',
    targets: '指标数',
    met: '已完成',
    onTrack: '进度正常',
    behind: '滞后',
    notStarted: '未开始',
    meanRatio: '平均完成率',
    sheetTargets: '目标任务',
    sheetUnits: '按牵头单位',
    sheetSeries: '按系列',
  },
  en: {
    series: 'Series',
    activityNo: 'No.',
    activity: 'Activity',
    label: 'Target',
    measure: 'Measure',
    period: 'Period',
    periodLabel: 'Period judged',
    start: 'Start',
    end: 'End',
    comparator: 'Comparator',
    target: 'Target',
    unit: 'Unit',
    actual: 'Actual',
    ratio: 'Ratio',
    status: 'Status',
    units: 'Responsible units (lead first)',
    source: 'Source',
    code: 'Code',
    leadUnit: 'Lead unit',
    targets: 'Targets',
    met: 'Met',
    onTrack: 'On track',
    behind: 'Behind',
    notStarted: 'Not started',
    meanRatio: 'Mean ratio',
    sheetTargets: 'Targets',
    sheetUnits: 'By lead unit',
    sheetSeries: 'By series',
  },
} as const;
export type HeaderKey = keyof (typeof HEADERS)['en'];
