import ExcelJS from 'exceljs';
import { ProgramProgress, ProgressCounts } from './progress.views';

const TARGET_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: 'code', key: 'code', width: 34 },
  { header: 'label', key: 'label', width: 36 },
  { header: 'leadUnit', key: 'leadUnit', width: 14 },
  { header: 'source', key: 'source', width: 14 },
  { header: 'period', key: 'period', width: 12 },
  { header: 'windowStart', key: 'windowStart', width: 12 },
  { header: 'windowEnd', key: 'windowEnd', width: 12 },
  { header: 'comparator', key: 'comparator', width: 10 },
  { header: 'target', key: 'target', width: 10 },
  { header: 'unit', key: 'unit', width: 6 },
  { header: 'actual', key: 'actual', width: 10 },
  { header: 'ratio', key: 'ratio', width: 8 },
  { header: 'status', key: 'status', width: 12 },
];

/** One flat row per target, in the columns of both exports. Progress holds no personal data. */
function targetRows(p: ProgramProgress): Record<string, string | number>[] {
  return p.targets.map((t) => ({
    code: t.code,
    label: t.label,
    leadUnit: t.responsibleUnits[0]?.name ?? '',
    source: t.source,
    period: t.period,
    windowStart: t.window.start,
    windowEnd: t.window.end,
    comparator: t.comparator,
    target: t.target,
    unit: t.unit,
    actual: t.actual,
    ratio: t.ratio,
    status: t.status,
  }));
}

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** UTF-8 with a BOM and CRLF, so Excel opens the Chinese labels correctly. */
export function progressCsv(p: ProgramProgress): string {
  const lines = [TARGET_COLUMNS.map((c) => c.header).join(',')];
  for (const row of targetRows(p)) lines.push(TARGET_COLUMNS.map((c) => csvCell(row[c.key] ?? '')).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const COUNT_COLUMNS = ['targets', 'met', 'onTrack', 'behind', 'notStarted', 'ratio'] as const;

/** Three sheets: every target, the roll-up by lead unit, the roll-up by series. */
export async function progressXlsx(p: ProgramProgress): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(p.asOf);
  const targets = wb.addWorksheet('Targets');
  targets.columns = TARGET_COLUMNS;
  targets.addRows(targetRows(p));
  const counts = (c: ProgressCounts) => COUNT_COLUMNS.map((k) => c[k]);
  const byUnit = wb.addWorksheet('By unit');
  byUnit.addRow(['unit', ...COUNT_COLUMNS]);
  for (const u of p.byUnit) byUnit.addRow([u.unit.name, ...counts(u)]);
  const bySeries = wb.addWorksheet('By series');
  bySeries.addRow(['ordinal', 'title', ...COUNT_COLUMNS]);
  for (const s of p.bySeries) bySeries.addRow([s.ordinal ?? '', s.title ?? '', ...counts(s)]);
  for (const ws of [targets, byUnit, bySeries]) ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
