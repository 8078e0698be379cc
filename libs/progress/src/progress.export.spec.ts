import ExcelJS from 'exceljs';
import { neutralise, progressCsv, progressXlsx } from './progress.export';
import { exportLocale } from './progress.labels';
import { ProgramProgress, TargetProgress } from './progress.views';

const intents: TargetProgress = {
  id: 1,
  code: '2021-2-2-cooperation-intents',
  activityId: 5,
  seriesId: 2,
  metric: 'cooperation_intents',
  label: '人才引进和项目合作意向, "签约"',
  target: 30,
  comparator: 'at_least',
  unit: '项',
  source: 'outcomes',
  measure: 'flow',
  period: 'once',
  dueOn: null,
  actual: 31,
  ratio: 1.0333,
  status: 'met',
  window: { start: '2021-03-01', end: '2021-03-31' },
  responsibleUnits: [
    { id: 1, code: 'qz-hrss', name: '市人社局' },
    { id: 2, code: 'qz-edu', name: '市教育局' },
  ],
  activity: { ordinal: 2, label: '（二）', title: '泉州市博士后、博士人才创新创业项目对接会' },
  series: { ordinal: 2, label: '二', title: '博士人才活动' },
};
const teams: TargetProgress = {
  ...intents,
  id: 2,
  code: 'teams',
  label: '=HYPERLINK("x")',
  comparator: 'exactly',
  source: 'reported',
  period: 'yearly',
  target: 10,
  actual: 12,
  ratio: 1.2,
  status: 'met',
  window: { start: '2024-01-01', end: '2024-12-31' },
  currentPeriod: '2024',
  periods: [
    { label: '2023', start: '2023-01-01', end: '2023-12-31', actual: 8, ratio: 0.8, status: 'behind' },
    { label: '2024', start: '2024-01-01', end: '2024-12-31', actual: 12, ratio: 1.2, status: 'met' },
  ],
};

const progress: ProgramProgress = {
  program: { code: 'p', title: '方案', periodStart: '2021-01-01', periodEnd: '2024-12-31' },
  asOf: '2024-03-31T16:30:00.000Z',
  targets: [intents, teams],
  byUnit: [
    {
      unit: { id: 1, code: 'qz-hrss', name: '市人社局' },
      targets: 2,
      met: 2,
      onTrack: 0,
      behind: 0,
      notStarted: 0,
      ratio: 1,
    },
  ],
  bySeries: [
    { seriesId: 2, ordinal: 2, title: '博士', targets: 2, met: 2, onTrack: 0, behind: 0, notStarted: 0, ratio: 1 },
  ],
};

describe(progressCsv.name, () => {
  const lines = (csv: string) => csv.slice(1).split('\r\n');

  it('writes a BOM, a title with 截至 in Beijing time, Chinese headers and values', () => {
    const sut = progressCsv(progress);
    expect(sut.startsWith('\uFEFF方案目标任务进度表（截至2024-04-01 00:30，北京时间）\r\n')).toBe(true);
    expect(lines(sut)[1]).toBe(
      '系列,序号,活动（措施）,指标,类型,考核周期,考核期,开始日期,截止日期,要求,目标值,单位,实际完成,完成率,状态,责任单位（牵头单位在前）,数据来源,编码',
    );
    expect(lines(sut)[2]).toBe(
      '二 博士人才活动,（二）,泉州市博士后、博士人才创新创业项目对接会,"人才引进和项目合作意向, ""签约""",增量,一次性,,' +
        '2021-03-01,2021-03-31,不少于,30,项,31,103.3%,已完成,市人社局、市教育局,成果记录,2021-2-2-cooperation-intents',
    );
  });

  it('follows a periodic target with one row per period and neutralises formulas', () => {
    const rows = lines(progressCsv(progress)).slice(3, 6);
    expect(rows[0]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(rows[1]).toContain(',每年,2023年,2023-01-01,2023-12-31,等于,10,项,8,80.0%,滞后,');
    expect(rows[2]).toContain(',每年,2024年,2024-01-01,2024-12-31,等于,10,项,12,120.0%,已完成,');
    expect(lines(progressCsv(progress))).toHaveLength(7);
  });

  it('speaks English on request', () => {
    const sut = lines(progressCsv(progress, 'en'));
    expect(sut[0]).toBe('方案 — progress as of 2024-04-01 00:30 (Beijing time)');
    expect(sut[1]!.startsWith('Series,No.,Activity,Target,Measure,Period,Period judged,Start,End')).toBe(true);
    expect(sut[4]).toContain(
      ',yearly,2023,2023-01-01,2023-12-31,exactly,10,项,8,80.0%,behind,"市人社局, 市教育局",unit reports,',
    );
  });
});

describe(neutralise.name, () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (s) => {
    expect(neutralise(s)).toBe(`'${s}`);
  });
  it('leaves other text alone', () => {
    expect(neutralise('a=1')).toBe('a=1');
    expect(neutralise('')).toBe('');
  });
});

describe(exportLocale.name, () => {
  it('is English only when English comes first', () => {
    expect(exportLocale('en')).toBe('en');
    expect(exportLocale('en-US,en;q=0.9')).toBe('en');
    expect(exportLocale('zh-CN,en;q=0.5')).toBe('zh-CN');
    expect(exportLocale(undefined)).toBe('zh-CN');
  });
});

describe(progressXlsx.name, () => {
  it('writes a titled, frozen, filtered sheet per table with dates as dates and ratios as percentages', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await progressXlsx(progress)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['目标任务', '按牵头单位', '按系列']);
    const ws = wb.getWorksheet('目标任务')!;
    expect(ws.getCell('A1').value).toBe('方案目标任务进度表（截至2024-04-01 00:30，北京时间）');
    expect(ws.getRow(2).getCell(4).value).toBe('指标');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const row = ws.getRow(3);
    expect(row.getCell(8).value).toEqual(new Date('2021-03-01T00:00:00Z'));
    expect(row.getCell(8).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(13).value).toBe(31);
    expect(row.getCell(14).value).toBe(1.0333);
    expect(row.getCell(14).numFmt).toBe('0.0%');
    expect(row.getCell(15).value).toBe('已完成');
    expect(ws.getRow(5).getCell(7).value).toBe('2023年');
    expect(ws.getRow(5).getCell(15).value).toBe('滞后');
    expect(wb.getWorksheet('按牵头单位')!.getRow(3).values).toEqual([undefined, '市人社局', 2, 2, 0, 0, 0, 1]);
  });
});
