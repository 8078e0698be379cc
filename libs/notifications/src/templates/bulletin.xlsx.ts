import ExcelJS from 'exceljs';
import type { Locale } from '../notification.types';
import { beijing, bulletinComparator, bulletinStatus, changeText, periodText, summaryLine } from './bulletin.text';
import type { BulletinFacts } from './bulletin.types';

const H = {
  'zh-CN': {
    title: (b: BulletinFacts) =>
      `${b.program.title}目标任务进度通报（${periodText(b.periodLabel, 'zh-CN')}，截至${beijing(b.asOf)}，北京时间）`,
    sheets: ['通报', '全部目标任务', '未报送单位'],
    summary: ['总体情况'],
    targets: [
      '状态',
      '牵头单位',
      '责任单位',
      '系列',
      '活动（措施）',
      '指标',
      '考核期',
      '要求',
      '目标值',
      '单位',
      '实际完成',
      '完成率',
      '较上期',
      '编码',
    ],
    missing: ['单位', '未报送的指标'],
  },
  en: {
    title: (b: BulletinFacts) =>
      `${b.program.title} — progress bulletin ${b.periodLabel}, as of ${beijing(b.asOf)} (Beijing time)`,
    sheets: ['Bulletin', 'Targets', 'Not reported'],
    summary: ['Overview'],
    targets: [
      'Status',
      'Lead unit',
      'Responsible units',
      'Series',
      'Activity',
      'Target',
      'Period',
      'Comparator',
      'Target value',
      'Unit',
      'Actual',
      'Ratio',
      'Change',
      'Code',
    ],
    missing: ['Unit', 'Targets not reported'],
  },
} as const;

const WIDTHS = [10, 16, 30, 24, 30, 30, 12, 8, 10, 6, 10, 9, 24, 30];

function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: readonly string[], widths: number[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = header.map((_, i) => ({ width: widths[i] ?? 20 }));
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow([...header]).font = { bold: true };
  return ws;
}

/** The bulletin as a workbook: the overview, every target (behind first) with its change, the units not reported. */
export async function bulletinXlsx(b: BulletinFacts, l: Locale): Promise<Buffer> {
  const h = H[l];
  const title = h.title(b);
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(b.asOf);
  const overview = sheet(wb, h.sheets[0], title, h.summary, [80]);
  for (const s of b.summary) overview.addRow([summaryLine(s, l)]);

  const targets = sheet(wb, h.sheets[1], title, h.targets, WIDTHS);
  for (const t of b.targets) {
    targets.addRow([
      bulletinStatus(t.status, l),
      t.units[0]?.name ?? '',
      t.units.map((u) => u.name).join(l === 'en' ? ', ' : '、'),
      t.series ?? '',
      t.activity ?? '',
      t.label,
      t.periodLabel ? periodText(t.periodLabel, l) : '',
      bulletinComparator(t.comparator, l),
      t.target,
      t.unit,
      t.actual,
      t.ratio,
      changeText(t, l),
      t.code,
    ]);
  }
  targets.getColumn(12).eachCell((cell, row) => row > 2 && (cell.numFmt = '0.0%'));
  targets.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + b.targets.length, column: h.targets.length } };

  const missing = sheet(wb, h.sheets[2], title, h.missing, [24, 80]);
  for (const u of b.notReported) missing.addRow([u.unit, u.targets.join(l === 'en' ? ', ' : '、')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const bulletinXlsxName = (b: BulletinFacts): string => `bulletin-${b.program.code}-${b.periodLabel}.xlsx`;
