import ExcelJS from 'exceljs';
import { progressCsv, progressXlsx } from './progress.export';
import { ProgramProgress } from './progress.views';

const progress: ProgramProgress = {
  program: { code: 'p', title: '方案' },
  asOf: '2021-04-01T00:00:00.000Z',
  targets: [
    {
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
      period: 'once',
      dueOn: null,
      actual: 31,
      ratio: 1.0333,
      status: 'met',
      window: { start: '2021-03-01', end: '2021-03-31' },
      responsibleUnits: [{ id: 1, code: 'qz-hrss', name: '市人社局' }],
    },
  ],
  byUnit: [
    {
      unit: { id: 1, code: 'qz-hrss', name: '市人社局' },
      targets: 1,
      met: 1,
      onTrack: 0,
      behind: 0,
      notStarted: 0,
      ratio: 1,
    },
  ],
  bySeries: [
    { seriesId: 2, ordinal: 2, title: '博士', targets: 1, met: 1, onTrack: 0, behind: 0, notStarted: 0, ratio: 1 },
  ],
};

describe(progressCsv.name, () => {
  it('writes a BOM, a header and one quoted row per target', () => {
    const sut = progressCsv(progress);
    expect(sut.startsWith('\uFEFFcode,label,leadUnit')).toBe(true);
    expect(sut).toContain('2021-2-2-cooperation-intents,"人才引进和项目合作意向, ""签约""",市人社局,outcomes');
    expect(sut).toContain(',30,项,31,1.0333,met\r\n');
  });
});

describe(progressXlsx.name, () => {
  it('writes targets and both roll-ups as sheets', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await progressXlsx(progress)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Targets', 'By unit', 'By series']);
    expect(wb.getWorksheet('Targets')!.getRow(2).getCell(11).value).toBe(31);
    expect(wb.getWorksheet('By unit')!.getRow(2).values).toEqual([undefined, '市人社局', 1, 1, 0, 0, 0, 1]);
  });
});
