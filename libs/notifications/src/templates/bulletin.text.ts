import type { Locale } from '../notification.types';
import type { BulletinFacts, BulletinSeriesSummary, BulletinStatus, BulletinTargetFacts } from './bulletin.types';

const STATUS: Record<Locale, Record<BulletinStatus, string>> = {
  'zh-CN': { met: '已完成', on_track: '进度正常', behind: '滞后', not_started: '未开始' },
  en: { met: 'met', on_track: 'on track', behind: 'behind', not_started: 'not started' },
};
const COMPARATOR: Record<Locale, Record<string, string>> = {
  'zh-CN': { at_least: '不少于', exactly: '等于', at_most: '不超过' },
  en: { at_least: 'at least', exactly: 'exactly', at_most: 'at most' },
};

export const bulletinStatus = (s: BulletinStatus, l: Locale): string => STATUS[l][s];
export const bulletinComparator = (c: string, l: Locale): string => COMPARATOR[l][c] ?? c;
export const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** A moment in Beijing time, `2022-07-01 09:00`. */
export const beijing = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** `2022-H1` → 2022年上半年, `2022-Q3` → 2022年第3季度, `2022-07` → 2022年7月 (en: as is). */
export function periodText(label: string, l: Locale): string {
  if (l === 'en') return label;
  const [year, part] = label.split('-');
  if (!part) return `${year}年`;
  if (part === 'H1') return `${year}年上半年`;
  if (part === 'H2') return `${year}年下半年`;
  if (part.startsWith('Q')) return `${year}年第${part.slice(1)}季度`;
  return `${year}年${Number(part)}月`;
}

/** `11 项活动中 7 项进度正常、3 项滞后、1 项未开始` (zero counts left out). */
export function summaryLine(s: BulletinSeriesSummary, l: Locale): string {
  const counts: [number, BulletinStatus][] = [
    [s.met, 'met'],
    [s.onTrack, 'on_track'],
    [s.behind, 'behind'],
    [s.notStarted, 'not_started'],
  ];
  const present = counts.filter(([n]) => n > 0);
  const name = s.series ?? (l === 'en' ? 'Whole program' : '全方案');
  if (l === 'en') {
    const parts = present.map(([n, st]) => `${n} ${STATUS.en[st]}`).join(', ');
    return `${name}: of ${s.activities} activities, ${parts || 'none judged'}`;
  }
  const parts = present.map(([n, st]) => `${n} 项${STATUS['zh-CN'][st]}`).join('、');
  return `${name}：${s.activities} 项活动中 ${parts || '暂无可评估项'}`;
}

/** `+120（较上期由滞后转为已完成）` or `持平`; empty without a previous bulletin. */
export function changeText(t: BulletinTargetFacts, l: Locale): string {
  if (!t.change) return '';
  const { actual, previousStatus } = t.change;
  const delta = actual === 0 ? (l === 'en' ? 'no change' : '持平') : `${actual > 0 ? '+' : ''}${round(actual)}`;
  if (previousStatus === t.status) return delta;
  return l === 'en'
    ? `${delta} (was ${STATUS.en[previousStatus]})`
    : `${delta}（由${STATUS['zh-CN'][previousStatus]}转为${STATUS['zh-CN'][t.status]}）`;
}

const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** One line per target: `【滞后】（二） 泉博会 · 参与企业：120 / 不少于 200 家（60.0%），较上期 +20`. */
export function targetLine(t: BulletinTargetFacts, l: Locale): string {
  const where = t.activity ? `${t.activity} · ` : '';
  const period = t.periodLabel ? (l === 'en' ? ` [${t.periodLabel}]` : `（${periodText(t.periodLabel, l)}）`) : '';
  const change = changeText(t, l);
  if (l === 'en') {
    return `[${STATUS.en[t.status]}] ${where}${t.label}${period}: ${round(t.actual)} / ${bulletinComparator(t.comparator, l)} ${t.target} ${t.unit} (${percent(t.ratio)})${change ? `, change ${change}` : ''}`;
  }
  return `【${STATUS['zh-CN'][t.status]}】${where}${t.label}${period}：${round(t.actual)} / ${bulletinComparator(t.comparator, l)} ${t.target} ${t.unit}（${percent(t.ratio)}）${change ? `，较上期 ${change}` : ''}`;
}

/** The targets a lead unit leads, behind ones first (the order of `targets`). */
export const ledBy = (b: BulletinFacts, unitId: number): BulletinTargetFacts[] =>
  b.targets.filter((t) => t.units[0]?.id === unitId);

/** The section of one lead unit: its targets and what it has not reported. */
export function unitSection(b: BulletinFacts, unit: { id: number; name: string }, l: Locale): string[] {
  const lines = ledBy(b, unit.id).map((t) => targetLine(t, l));
  const missing = b.notReported.find((n) => n.unitId === unit.id);
  const head = l === 'en' ? `${unit.name} — your targets` : `一、${unit.name}牵头的目标任务`;
  return [
    [head, ...(lines.length ? lines : [l === 'en' ? '(none)' : '（无）'])].join('\n'),
    ...(missing
      ? [
          l === 'en'
            ? `Not reported for ${b.periodLabel}: ${missing.targets.join(', ')}`
            : `本期（${periodText(b.periodLabel, l)}）尚未报送：${missing.targets.join('、')}`,
        ]
      : []),
  ];
}

const NUMERALS = ['一', '二', '三', '四', '五'];

/** The whole bulletin: summary per series, behind targets by unit, units not reported, every target. */
export function wholeSection(b: BulletinFacts, l: Locale, afterUnitSection: boolean): string[] {
  const n = (i: number, zh: string, en: string) =>
    l === 'en' ? en : `${NUMERALS[i - (afterUnitSection ? 0 : 1)]}、${zh}`;
  const byId = new Map(b.targets.map((t) => [t.id, t]));
  const behind = b.behindByUnit.map((u) =>
    [`${u.unit}：`, ...u.targetIds.map((id) => `  ${targetLine(byId.get(id)!, l)}`)].join('\n'),
  );
  const none = l === 'en' ? '(none)' : '（无）';
  return [
    [n(1, '总体情况', 'Overview'), ...b.summary.map((s) => summaryLine(s, l))].join('\n'),
    [
      n(2, '进度滞后的目标任务（按牵头单位）', 'Behind schedule, by lead unit'),
      ...(behind.length ? behind : [none]),
    ].join('\n'),
    [
      n(3, `本期（${periodText(b.periodLabel, l)}）未报送的单位`, `Units that have not reported for ${b.periodLabel}`),
      ...(b.notReported.length
        ? b.notReported.map((u) => `${u.unit}：${u.targets.join(l === 'en' ? ', ' : '、')}`)
        : [none]),
    ].join('\n'),
    [n(4, '全部目标任务', 'Every target'), ...b.targets.map((t) => targetLine(t, l))].join('\n'),
  ];
}
