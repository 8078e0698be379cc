import ExcelJS from 'exceljs';
import { renderNotification } from './render';
import { changeText, periodText, summaryLine } from './bulletin.text';
import type { BulletinFacts, BulletinMailFacts, BulletinTargetFacts } from './bulletin.types';

const target = (over: Partial<BulletinTargetFacts>): BulletinTargetFacts => ({
  id: 1,
  code: 't1',
  label: '参与企业',
  series: '二 博士人才活动',
  activity: '（二） 泉博会',
  units: [{ id: 1, name: '市人社局' }],
  comparator: 'at_least',
  target: 200,
  unit: '家',
  actual: 120,
  ratio: 0.6,
  status: 'behind',
  periodLabel: null,
  change: { actual: 20, ratio: 0.1, previousStatus: 'behind' },
  ...over,
});

const bulletin: BulletinFacts = {
  bulletinId: 9,
  program: { code: 'p', title: '活动方案' },
  periodLabel: '2022-H1',
  asOf: '2022-07-01T01:00:00.000Z',
  previous: null,
  summary: [{ series: null, activities: 11, met: 0, onTrack: 7, behind: 3, notStarted: 1 }],
  targets: [
    target({}),
    target({
      id: 2,
      code: 't2',
      label: '博士',
      units: [{ id: 2, name: '市教育局' }],
      status: 'met',
      actual: 100,
      ratio: 1,
      target: 100,
      change: null,
    }),
  ],
  behindByUnit: [{ unitId: 1, unit: '市人社局', targetIds: [1] }],
  notReported: [{ unitId: 2, unit: '市教育局', targets: ['博士'] }],
};

const render = (facts: BulletinMailFacts, locale = 'zh-CN') =>
  renderNotification({ id: 1, type: 'bulletin_issued', locale, facts, createdAt: new Date() }, 'test.example');

describe('bulletin mail', () => {
  it('puts the lead unit’s section first, the whole below, and attaches the workbook', async () => {
    const mail = await render({ recipientName: '市教育局', unit: { id: 2, name: '市教育局' }, bulletin });
    expect(mail.subject).toBe('【通报】活动方案目标任务进度（2022年上半年）—市教育局');
    const sections = mail.text.split('\n\n');
    expect(sections[0]).toBe('市教育局，您好：');
    expect(sections[1]).toContain('截至2022-07-01 09:00，北京时间');
    expect(sections[2]).toBe(
      '一、市教育局牵头的目标任务\n【已完成】（二） 泉博会 · 博士：100 / 不少于 100 家（100.0%）',
    );
    expect(sections[3]).toBe('本期（2022年上半年）尚未报送：博士');
    expect(sections[4]).toBe('二、总体情况\n全方案：11 项活动中 7 项进度正常、3 项滞后、1 项未开始');
    expect(sections[5]).toContain(
      '三、进度滞后的目标任务（按牵头单位）\n市人社局：\n  【滞后】（二） 泉博会 · 参与企业：120 / 不少于 200 家（60.0%），较上期 +20',
    );
    expect(mail.text).not.toMatch(/undefined|null|NaN/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(mail.attachments[0]!.content as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['通报', '全部目标任务', '未报送单位']);
    expect(wb.getWorksheet('全部目标任务')!.rowCount).toBe(4);
  });

  it('gives administrators the whole, numbered from 一, and speaks English on request', async () => {
    const zh = await render({ recipientName: '管理员', unit: null, bulletin });
    expect(zh.text.split('\n\n')[2]!.startsWith('一、总体情况')).toBe(true);
    const en = await render({ recipientName: 'Admin', unit: null, bulletin }, 'en');
    expect(en.subject).toBe('[Bulletin] 活动方案: progress 2022-H1');
    expect(en.text).toContain('Whole program: of 11 activities, 7 on track, 3 behind, 1 not started');
    expect(en.text).toContain('[behind] （二） 泉博会 · 参与企业: 120 / at least 200 家 (60.0%), change +20');
  });
});

describe('bulletin wording', () => {
  it('names periods and changes', () => {
    expect(['2022', '2022-H2', '2022-Q3', '2022-07'].map((l) => periodText(l, 'zh-CN'))).toEqual([
      '2022年',
      '2022年下半年',
      '2022年第3季度',
      '2022年7月',
    ]);
    expect(changeText(target({ change: { actual: 0, ratio: 0, previousStatus: 'behind' } }), 'zh-CN')).toBe('持平');
    expect(
      changeText(target({ status: 'met', change: { actual: -5, ratio: 0, previousStatus: 'behind' } }), 'zh-CN'),
    ).toBe('-5（由滞后转为已完成）');
    expect(changeText(target({ change: null }), 'zh-CN')).toBe('');
    expect(
      summaryLine({ series: '一 技能人才', activities: 4, met: 1, onTrack: 0, behind: 0, notStarted: 3 }, 'zh-CN'),
    ).toBe('一 技能人才：4 项活动中 1 项已完成、3 项未开始');
  });
});
