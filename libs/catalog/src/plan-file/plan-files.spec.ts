import { join } from 'node:path';
import { loadPlanFiles } from './plan-file.parser';
import { ActivityEntry, ProgramFile, TargetEntry } from './plan-file.types';

/** Facts of the two seed documents, checked against the real files under config/. */
const CONFIG_DIR = join(__dirname, '..', '..', '..', '..', 'config');
const { units, programs } = loadPlanFiles(CONFIG_DIR);

const program = (code: string): ProgramFile => {
  const found = programs.find((p) => p.code === code);
  if (!found) throw new Error(`no program ${code}`);
  return found;
};
const activitiesOf = (p: ProgramFile): ActivityEntry[] => p.series.flatMap((s) => s.activities);
const activity = (p: ProgramFile, code: string): ActivityEntry => {
  const found = activitiesOf(p).find((a) => a.code === code);
  if (!found) throw new Error(`no activity ${code}`);
  return found;
};
const allTargets = (p: ProgramFile): TargetEntry[] => [...p.targets, ...activitiesOf(p).flatMap((a) => a.targets)];
const nameOf = (code: string): string => units.units.find((u) => u.code === code)?.name ?? `?${code}`;
const names = (codes: string[] | undefined): string[] => (codes ?? []).map(nameOf);
/** value, comparator, unit, period and source: what a progress view shows of a target. */
const summary = (t: TargetEntry) => [t.value, t.comparator, t.unit, t.period, t.source];
const numbersIn = (text: string): string[] => text.match(/\d+/g) ?? [];

const plan2021 = program('qz-2021-talent-activities');
const plan2022 = program('qz-2022-five-hundreds');

describe(loadPlanFiles.name, () => {
  it('loads both plans in file-name order and the shared unit registry', () => {
    expect(programs.map((p) => p.code)).toEqual(['qz-2021-talent-activities', 'qz-2022-five-hundreds']);
    expect(units.units).toHaveLength(38);
  });

  it('keeps the number of targets of each plan (a deletion must be deliberate)', () => {
    expect(allTargets(plan2021)).toHaveLength(24);
    expect(allTargets(plan2022)).toHaveLength(15);
  });

  it('resolves every spelling of 市人社局 to one unit', () => {
    const hrss = units.units.find((u) => u.code === 'qz-hrss');
    expect(hrss).toMatchObject({ name: '市人社局', fullName: '泉州市人力资源和社会保障局' });
    expect(hrss?.aliases).toEqual(expect.arrayContaining(['人社局', '泉州市人社局']));
  });

  it('lists only units that a plan references', () => {
    const referenced = new Set(
      programs.flatMap((p) => [
        ...p.issuingUnits,
        ...allTargets(p).flatMap((t) => t.responsibleUnits ?? []),
        ...activitiesOf(p).flatMap((a) => [
          ...a.leadUnits,
          ...a.hostUnits,
          ...(a.parts ?? []).flatMap((x) => x.leadUnits),
        ]),
      ]),
    );
    expect(units.units.map((u) => u.code).filter((c) => !referenced.has(c))).toEqual([]);
  });

  describe.each(programs.map((p) => [p.code, p] as const))('%s is faithful to its document', (_code, p) => {
    it('quotes every target from the activity content, or from 总体要求 / 实施保障 for program targets', () => {
      const programText = [p.summary ?? '', ...(p.safeguards ?? []).map((s) => s.text)].join('\n');
      for (const t of p.targets) expect(programText).toContain(t.text);
      for (const a of activitiesOf(p)) for (const t of a.targets) expect(a.content).toContain(t.text);
    });

    it('quotes every deliverable from the activity content', () => {
      for (const a of activitiesOf(p)) for (const d of a.deliverables ?? []) expect(a.content).toContain(d);
    });

    it('turns every Arabic number of the content into a target, except names and years', () => {
      const notTargets: Record<string, string[]> = {
        'qz-2021-talent-activities': ['2021'], // 2021年拟组织开展系列活动 is the plan year
        '2021-1-1': ['2021'], // 项目攻坚2021 is a campaign name
        '2021-1-4': ['2021'], // 对2021年获评…进行集中颁奖 is the award year
        '2022-m01': ['8', '4'], // “8+4”产业体系 is a name
      };
      const untargeted = (text: string, targets: TargetEntry[], allowed: string[] = []) => {
        const quoted = new Set(targets.flatMap((t) => numbersIn(t.text)));
        return numbersIn(text).filter((n) => !quoted.has(n) && !allowed.includes(n));
      };
      const programText = [p.summary ?? '', ...(p.safeguards ?? []).map((s) => s.text)].join('\n');
      expect(untargeted(programText, p.targets, notTargets[p.code])).toEqual([]);
      for (const a of activitiesOf(p)) {
        expect({ [a.code]: untargeted(a.content, a.targets, notTargets[a.code]) }).toEqual({ [a.code]: [] });
      }
    });
  });
});

describe('2021 activity plan (泉政办明传〔2021〕11号)', () => {
  it('has the document header', () => {
    expect(plan2021).toMatchObject({
      title: '泉州市进一步强化民营经济发展人才支持2021年活动方案',
      documentNumber: '泉政办明传〔2021〕11号',
      issuedOn: '2021-01-28',
      period: { start: '2021-01-01', end: '2021-12-31' },
    });
    expect(names(plan2021.issuingUnits)).toEqual(['泉州市人民政府办公室']);
  });

  it('has 3 series with 4, 5 and 2 activities', () => {
    expect(plan2021.series.map((s) => [s.label, s.activities.length])).toEqual([
      ['一', 4],
      ['二', 5],
      ['三', 2],
    ]);
    expect(activitiesOf(plan2021)).toHaveLength(11);
  });

  it('marks exactly the activities whose text says 具体视疫情情况调整 as adjustable', () => {
    const adjustable = activitiesOf(plan2021)
      .filter((a) => a.adjustable)
      .map((a) => a.code);
    expect(adjustable).toEqual([
      '2021-1-1',
      '2021-1-2',
      '2021-1-3',
      '2021-2-1',
      '2021-2-2',
      '2021-2-3',
      '2021-2-4',
      '2021-2-5',
    ]);
  });

  it('has 泉博会 (二（二）) with its targets, units, mode and window', () => {
    const qbh = activity(plan2021, '2021-2-2');
    expect(qbh).toMatchObject({
      shortTitle: '泉博会',
      mode: 'online_allowed',
      adjustable: true,
      hostUnitsOpenEnded: true,
    });
    expect(qbh.window).toEqual({ start: '2021-03-01', end: '2021-03-31', text: '3月' });
    expect(names(qbh.leadUnits)).toEqual(['市人社局']);
    expect(names(qbh.hostUnits)).toEqual(['市人社局', '市科技局', '市工信局', '团市委', '市人才发展促进会']);
    expect(qbh.targets.map((t) => [t.scope?.category ?? t.scope?.outcomeType, ...summary(t)])).toEqual([
      ['enterprise', 200, 'exactly', '家', 'once', 'registrations'],
      ['phd', 100, 'exactly', '名', 'once', 'registrations'],
      ['cooperation_intent', 30, 'at_least', '项', 'once', 'outcomes'],
    ]);
  });

  it('has the 1000 / 60 / 30 / 20 competition targets of 一（一）', () => {
    const competitions = activity(plan2021, '2021-1-1');
    expect(competitions.window).toEqual({ start: '2021-03-01', end: '2021-10-31', text: '3-10月' });
    expect(competitions.leadNote).toBe('相关单位配合');
    expect(competitions.targets.map((t) => [t.scope?.sessionLevels, ...summary(t), t.qualifier])).toEqual([
      [['grassroots'], 1000, 'at_least', '场次', 'once', 'reported', '以上'],
      [['county'], 60, 'at_least', '场次', 'once', 'sessions_held', '以上'],
      [['city'], 30, 'at_least', '场次', 'once', 'sessions_held', '以上'],
      [['provincial'], 20, 'at_least', '场次', 'once', 'sessions_held', '以上'],
    ]);
  });

  it('has the 50 / 100 / 300 skilled-talent trips of 一（二） by talent level', () => {
    const trips = activity(plan2021, '2021-1-2');
    expect(trips.targets.map((t) => [t.value, t.comparator, t.scope?.participantLevels])).toEqual([
      [50, 'exactly', ['national', 'provincial']],
      [100, 'exactly', ['national', 'provincial', 'city']],
      [300, 'exactly', ['national', 'provincial', 'city', 'county']],
    ]);
  });

  it('has 1万份 apprenticeship agreements in 一（三）', () => {
    const [agreements] = activity(plan2021, '2021-1-3').targets;
    expect(summary(agreements)).toEqual([10000, 'exactly', '份', 'once', 'outcomes']);
    expect(agreements.scope).toEqual({ outcomeType: 'apprenticeship_agreement' });
  });

  it('splits the lead of 一（四） into its two parts', () => {
    const week = activity(plan2021, '2021-1-4');
    expect(week.parts?.map((x) => [x.title, names(x.leadUnits)])).toEqual([
      ['泉州技能人才交流活动周', ['市人社局']],
      ['系列职业技能竞赛活动', ['各行业主管部门']],
    ]);
    expect(names(week.leadUnits)).toEqual(['市人社局', '各行业主管部门']);
    expect(week.adjustable).toBe(false);
  });

  it('has the 产教融合 targets of 二（四）', () => {
    const fair = activity(plan2021, '2021-2-4');
    expect(fair.targets.map((t) => [t.scope?.outcomeType, t.value, t.comparator, t.qualifier])).toEqual([
      ['milestone', 1, 'exactly', undefined],
      ['industry_college', 5, 'at_least', '争取'],
      ['training_base', 4, 'at_least', '争取'],
      ['joint_program', 10, 'at_least', '争取'],
      ['achievement_promoted', 20, 'at_least', '以上'],
    ]);
    expect(names(fair.hostUnits)).toEqual(['市教育局', '市人社局', '市工信局', '市科技局', '市发改委', '市数字办']);
  });

  it('has two lead units for 二（五） and no numeric target', () => {
    const recruitment = activity(plan2021, '2021-2-5');
    expect(names(recruitment.leadUnits)).toEqual(['市人社局', '团市委']);
    expect(recruitment.targets).toEqual([]);
    expect(recruitment.deliverables).toHaveLength(2);
  });

  it('holds 三（一） in 泉州 in 11-12月 and 三（二） in 厦门 in the second half of the year', () => {
    const pitch = activity(plan2021, '2021-3-1');
    expect(pitch).toMatchObject({ city: '泉州市', hostRole: '主办单位', adjustable: false });
    expect(pitch.window).toEqual({ start: '2021-11-01', end: '2021-12-31', text: '11-12月' });
    expect(summary(pitch.targets[0])).toEqual([50, 'at_least', '个', 'once', 'outcomes']);

    const campus = activity(plan2021, '2021-3-2');
    expect(campus).toMatchObject({ city: '厦门市', hostRole: '主办单位', adjustable: false });
    expect(campus.window).toEqual({ start: '2021-07-01', end: '2021-12-31', text: '下半年' });
    expect(names(campus.hostUnits)).toEqual([
      '厦门市人社局',
      '市人社局',
      '漳州市人社局',
      '龙岩市人社局',
      '三明市人社局',
    ]);
    expect(campus.targets.map((t) => [t.scope?.category, ...summary(t)])).toEqual([
      ['enterprise', 50, 'at_least', '家', 'once', 'registrations'],
    ]);
  });
});

describe('2022 “五个一百” plan', () => {
  const measures = activitiesOf(plan2022);
  const measure = (n: number) => activity(plan2022, `2022-m${String(n).padStart(2, '0')}`);

  it('has the document header and no document number', () => {
    expect(plan2022.title).toBe('泉州市建设“五个一百”先进制造业人才中心和创新高地实施方案');
    expect(plan2022.documentNumber).toBeUndefined();
    expect(names(plan2022.issuingUnits)).toEqual(['中共泉州市委办公室', '泉州市人民政府办公室']);
    expect(plan2022.period).toEqual({ start: '2022-06-20', end: '2025-12-31', text: '到2025年' });
    expect(plan2022.safeguards?.map((s) => s.title)).toEqual(['加强组织领导', '落细工作责任', '注重宣传引导']);
  });

  it('has 5 series and 17 measures numbered 1..17', () => {
    expect(plan2022.series.map((s) => s.activities.map((a) => a.ordinal))).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8],
      [9, 10, 11],
      [12, 13, 14],
      [15, 16, 17],
    ]);
    expect(measures.map((m) => m.label)).toEqual(measures.map((m) => `${m.ordinal}.`));
  });

  it('gives every measure the plan window and lets the first responsible unit lead', () => {
    for (const m of measures) {
      expect(m).toMatchObject({ kind: 'measure', window: plan2022.period, hostRole: '责任单位', mode: 'offline' });
      expect(m.leadUnits).toEqual([m.hostUnits[0]]);
    }
  });

  it('expands abbreviated unit lists', () => {
    expect(names(measure(1).hostUnits.slice(0, 3))).toEqual(['市人社局', '市发改委', '市科技局']);
    expect(names(measure(4).leadUnits)).toEqual(['市工商联']);
    expect(names(measure(8).hostUnits)).toEqual([
      '市科技局',
      '市发改委',
      '市工信局',
      '市人社局',
      '市金融监管局',
      '市税务局',
      '市科协',
    ]);
    expect(names(measure(14).leadUnits)).toEqual(['市委组织部']);
    expect(names(measure(17).leadUnits)).toEqual(['市市场监管局']);
  });

  it('has the 10 program-level totals due by the end of 2025', () => {
    const totals = plan2022.targets.filter((t) => t.period === 'by_date');
    expect(totals.map((t) => [t.label, t.value, t.unit, t.seriesOrdinal])).toEqual([
      ['全市制造业人才总量', 1000000, '名', 1],
      ['国家级人才', 100, '名', 1],
      ['省级高层次人才', 1000, '名', 1],
      ['市级高层次人才', 50000, '名', 1],
      ['专业技术人才、技能人才', 800000, '名', 1],
      ['硕博士人才', 50000, '名', 1],
      ['高能级制造业人才平台', 100, '家', 2],
      ['创新综合体', 100, '个', 3],
      ['科创项目', 100, '项', 4],
      ['专业化服务机构', 100, '家', 5],
    ]);
    for (const t of totals)
      expect(t).toMatchObject({ dueOn: '2025-12-31', comparator: 'at_least', source: 'reported' });
    expect(totals[0].qualifier).toBe('突破');
  });

  it('has the rule that the leading group meets at least once every half year', () => {
    const meetings = plan2022.targets.filter((t) => t.period === 'half_yearly');
    expect(meetings.map((t) => [...summary(t), t.qualifier, names(t.responsibleUnits)])).toEqual([
      [1, 'at_least', '次', 'half_yearly', 'reported', '至少', ['市委人才工作领导小组']],
    ]);
  });

  it('has the yearly targets of measure 14: 10+ talent teams and 100 projects', () => {
    expect(measure(14).targets.map((t) => [t.label, ...summary(t)])).toEqual([
      ['评审资助引进高层次人才团队', 10, 'at_least', '个', 'yearly', 'reported'],
      ['立项支持人才创新创业项目', 100, 'exactly', '个', 'yearly', 'reported'],
    ]);
  });

  it('has the doubling of measure 15 within five years', () => {
    expect(measure(15).targets.map((t) => [...summary(t), t.dueOn, t.qualifier])).toEqual([
      [2, 'at_least', '倍', 'by_date', 'reported', '2026-12-31', '力争'],
      [2, 'at_least', '倍', 'by_date', 'reported', '2026-12-31', '力争'],
    ]);
  });

  it('marks talent totals, built platforms and the 翻番 ratios as stocks and everything else as flows', () => {
    const all = [...plan2022.targets, ...plan2022.series.flatMap((s) => s.activities.flatMap((a) => a.targets))];
    expect(all.filter((t) => t.measure === 'stock').map((t) => t.code)).toEqual([
      '2025-manufacturing-talents',
      '2025-national-talents',
      '2025-provincial-high-level-talents',
      '2025-city-high-level-talents',
      '2025-professional-and-skilled-talents',
      '2025-masters-and-phds',
      '2025-talent-platforms',
      '2025-innovation-complexes',
      '2025-service-agencies',
      '2022-m15-service-agencies-doubled',
      '2022-m15-practitioners-doubled',
    ]);
    expect(all.find((t) => t.code === '2022-m14-talent-teams')!.measure).toBeUndefined();
  });

  it('keeps the yearly 揭榜 list of measure 13 as a deliverable', () => {
    expect(measure(13).targets).toEqual([]);
    expect(measure(13).deliverables).toContain('每年梳理发布一批制造业关键共性技术攻关“揭榜”项目');
  });
});
