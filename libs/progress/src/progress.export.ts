import ExcelJS from 'exceljs';
import { ProgramProgress, ProgressCounts, TargetProgress } from './progress.views';
import {
  comparatorLabel,
  ExportLocale,
  exportTitle,
  HeaderKey,
  HEADERS,
  measureLabel,
  periodKindLabel,
  periodLabelText,
  sourceLabel,
  statusLabel,
} from './progress.labels';

type Cell = string | number | Date | null;
type Kind = 'text' | 'number' | 'date' | 'percent';

const TARGET_COLUMNS: { key: HeaderKey; width: number; kind: Kind }[] = [
  { key: 'series', width: 28, kind: 'text' },
  { key: 'activityNo', width: 8, kind: 'text' },
  { key: 'activity', width: 30, kind: 'text' },
  { key: 'label', width: 30, kind: 'text' },
  { key: 'measure', width: 8, kind: 'text' },
  { key: 'period', width: 10, kind: 'text' },
  { key: 'periodLabel', width: 14, kind: 'text' },
  { key: 'start', width: 12, kind: 'date' },
  { key: 'end', width: 12, kind: 'date' },
  { key: 'comparator', width: 8, kind: 'text' },
  { key: 'target', width: 10, kind: 'number' },
  { key: 'unit', width: 6, kind: 'text' },
  { key: 'actual', width: 10, kind: 'number' },
  { key: 'ratio', width: 9, kind: 'percent' },
  { key: 'status', width: 10, kind: 'text' },
  { key: 'units', width: 36, kind: 'text' },
  { key: 'source', width: 12, kind: 'text' },
  { key: 'code', width: 34, kind: 'text' },
];

const date = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/**
 * One row per target, then one per period of a periodic target (its 考核期 named), in the
 * columns of both exports. Progress holds no personal data.
 */
export function targetRows(p: ProgramProgress, l: ExportLocale): Record<HeaderKey, Cell>[] {
  const rows: Partial<Record<HeaderKey, Cell>>[] = [];
  for (const t of p.targets) {
    const common = {
      series: t.series ? `${t.series.label} ${t.series.title}` : '',
      activityNo: t.activity?.label ?? '',
      activity: t.activity?.title ?? '',
      label: t.label,
      measure: measureLabel(t.measure, l),
      period: periodKindLabel(t.period, l),
      comparator: comparatorLabel(t.comparator, l),
      target: t.target,
      unit: t.unit,
      units: t.responsibleUnits.map((u) => u.name).join(l === 'en' ? ', ' : '、'),
      source: sourceLabel(t.source, l),
      code: t.code,
    };
    rows.push({
      ...common,
      periodLabel: t.currentPeriod ? periodLabelText(t.currentPeriod, l) : '',
      start: date(t.window.start),
      end: date(t.window.end),
      actual: t.actual,
      ratio: t.ratio,
      status: statusLabel(t.status, l),
    });
    for (const period of periodRows(t)) {
      rows.push({
        ...common,
        periodLabel: periodLabelText(period.label, l),
        start: date(period.start),
        end: date(period.end),
        actual: period.actual,
        ratio: period.ratio,
        status: statusLabel(period.status, l),
      });
    }
  }
  return rows as Record<HeaderKey, Cell>[];
}

const periodRows = (t: TargetProgress) => t.periods ?? [];

/** A cell a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading quote. */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function csvCell(v: Cell, kind: Kind): string {
  if (v === null || v === '') return '';
  let s: string;
  if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === 'number') s = kind === 'percent' ? `${(v * 100).toFixed(1)}%` : String(v);
  else s = neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM and CRLF, so Excel opens the Chinese labels correctly; a title line, then the table. */
export function progressCsv(p: ProgramProgress, l: ExportLocale = 'zh-CN'): string {
  const h = HEADERS[l];
  const lines = [
    csvCell(exportTitle(p.program.title, p.asOf, l), 'text'),
    TARGET_COLUMNS.map((c) => csvCell(h[c.key], 'text')).join(','),
  ];
  for (const row of targetRows(p, l)) lines.push(TARGET_COLUMNS.map((c) => csvCell(row[c.key], c.kind)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const COUNT_COLUMNS = ['targets', 'met', 'onTrack', 'behind', 'notStarted', 'meanRatio'] as const;
const counts = (c: ProgressCounts) => [c.targets, c.met, c.onTrack, c.behind, c.notStarted, c.ratio];

/** A title row across the table, a bold header below it, frozen and filtered, number formats per kind. */
export function addTable(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: { header: string; width: number; kind: Kind }[],
  rows: Cell[][],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width }));
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  columns.forEach((c, i) => {
    const fmt = c.kind === 'date' ? 'yyyy-mm-dd' : c.kind === 'percent' ? '0.0%' : undefined;
    if (fmt) ws.getColumn(i + 1).eachCell((cell, row) => row > 2 && (cell.numFmt = fmt));
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: columns.length } };
  return ws;
}

/** Three sheets: every target (and its periods), the roll-up by lead unit, the roll-up by series. */
export async function progressXlsx(p: ProgramProgress, l: ExportLocale = 'zh-CN'): Promise<Buffer> {
  const h = HEADERS[l];
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(p.asOf);
  const title = exportTitle(p.program.title, p.asOf, l);
  addTable(
    wb,
    h.sheetTargets,
    title,
    TARGET_COLUMNS.map((c) => ({ header: h[c.key], width: c.width, kind: c.kind })),
    targetRows(p, l).map((row) => TARGET_COLUMNS.map((c) => row[c.key])),
  );
  const countColumns = COUNT_COLUMNS.map((k) => ({
    header: h[k],
    width: 10,
    kind: (k === 'meanRatio' ? 'percent' : 'number') as Kind,
  }));
  addTable(
    wb,
    h.sheetUnits,
    title,
    [{ header: h.leadUnit, width: 24, kind: 'text' }, ...countColumns],
    p.byUnit.map((u) => [u.unit.name, ...counts(u)]),
  );
  addTable(
    wb,
    h.sheetSeries,
    title,
    [{ header: h.series, width: 36, kind: 'text' }, ...countColumns],
    p.bySeries.map((s) => [s.title ? `${s.ordinal ?? ''} ${s.title}`.trim() : '', ...counts(s)]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
