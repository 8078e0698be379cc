import { startTestApp, TestApp } from '@app/testing/test-app';

interface UnitRef {
  code: string;
  name: string;
}
interface Target {
  code: string;
  target: number;
  comparator: string;
  unit: string;
  period: string;
  source: string;
  scope: Record<string, unknown>;
  responsibleUnits: UnitRef[];
}
interface Activity {
  id: number;
  code: string;
  ordinal: number;
  title: string;
  shortTitle: string | null;
  mode: string;
  city: string | null;
  window: { start: string; end: string; text: string };
  leadUnits: UnitRef[];
  hostUnits: UnitRef[];
  targets: Target[];
}
interface Program {
  code: string;
  documentNumber: string | null;
  activityCount: number;
  targets: Target[];
  series: { ordinal: number; activities: Activity[] }[];
}

const PLAN_2021 = 'qz-2021-talent-activities';
const PLAN_2022 = 'qz-2022-five-hundreds';
const names = (units: UnitRef[]) => units.map((u) => u.name);

describe('catalog read API (SQLite and MariaDB)', () => {
  const apps: Record<'sqlite' | 'mysql', TestApp | undefined> = { sqlite: undefined, mysql: undefined };

  beforeAll(async () => {
    [apps.sqlite, apps.mysql] = await Promise.all([startTestApp('sqlite'), startTestApp('mysql')]);
  });
  afterAll(async () => {
    await Promise.all([apps.sqlite?.close(), apps.mysql?.close()]);
  });

  describe.each(['sqlite', 'mysql'] as const)('%s', (kind) => {
    const http = () => apps[kind]!.http;

    it('lists both plans with their counts', async () => {
      const res = await http().get('/api/programs').expect(200);
      const byCode = new Map((res.body as Program[]).map((p) => [p.code, p]));
      expect(byCode.get(PLAN_2021)).toMatchObject({ documentNumber: '泉政办明传〔2021〕11号', activityCount: 11 });
      expect(byCode.get(PLAN_2022)).toMatchObject({ activityCount: 17 });
    });

    it('answers the 2021 plan: 3 series, 11 activities, 泉博会 with its units and numbers', async () => {
      const plan = (await http().get(`/api/programs/${PLAN_2021}`).expect(200)).body as Program;
      expect(plan.series.map((s) => s.activities.length)).toEqual([4, 5, 2]);
      const fair = plan.series[1]!.activities[1]!;
      expect(fair.shortTitle).toBe('泉博会');
      expect(fair.mode).toBe('online_allowed');
      expect(fair.window).toMatchObject({ start: '2021-03-01', end: '2021-03-31' });
      expect(names(fair.leadUnits)).toEqual(['市人社局']);
      expect(names(fair.hostUnits)).toEqual(['市人社局', '市科技局', '市工信局', '团市委', '市人才发展促进会']);
      const numbers = fair.targets.map((t) => [t.target, t.unit, t.source, t.scope.category ?? t.scope.outcomeType]);
      expect(numbers).toEqual(
        expect.arrayContaining([
          [200, '家', 'registrations', 'enterprise'],
          [100, '名', 'registrations', 'phd'],
          [30, '项', 'outcomes', 'cooperation_intent'],
        ]),
      );
      expect(fair.targets.find((t) => t.target === 30)?.comparator).toBe('at_least');

      const competitions = plan.series[0]!.activities[0]!;
      expect(competitions.targets.map((t) => t.target)).toEqual(expect.arrayContaining([1000, 60, 30, 20]));
      expect(names(competitions.leadUnits)).toEqual(['市总工会']);
      const campus = plan.series[2]!.activities[1]!;
      expect(campus).toMatchObject({
        city: '厦门市',
        window: { text: '下半年', start: '2021-07-01', end: '2021-12-31' },
      });
    });

    it('answers the 2022 plan: five groups, 17 measures with the lead first, 2025 totals and the half-yearly rule', async () => {
      const plan = (await http().get(`/api/programs/${PLAN_2022}`).expect(200)).body as Program;
      expect(plan.series).toHaveLength(5);
      const measures = plan.series.flatMap((s) => s.activities);
      expect(measures.map((m) => m.ordinal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
      expect(names(measures[3]!.leadUnits)).toEqual(['市工商联']);
      expect(measures[3]!.hostUnits[0]!.name).toBe('市工商联');
      expect(names(measures[16]!.leadUnits)).toEqual(['市市场监管局']);
      const totals = plan.targets.filter((t) => t.period === 'by_date').map((t) => t.target);
      expect(totals).toEqual(expect.arrayContaining([1000000, 100, 1000, 50000, 800000]));
      expect(totals.filter((v) => v === 100).length).toBeGreaterThanOrEqual(5);
      expect(plan.targets.filter((t) => t.period === 'half_yearly')).toHaveLength(1);
      const yearly = measures[13]!.targets.filter((t) => t.period === 'yearly').map((t) => t.target);
      expect(yearly.sort((a, b) => a - b)).toEqual([10, 100]);
    });

    it('answers an activity by id and 404s in the error shape for unknown ids and codes', async () => {
      const plan = (await http().get(`/api/programs/${PLAN_2021}`).expect(200)).body as Program;
      const id = plan.series[1]!.activities[1]!.id;
      const activity = await http().get(`/api/activities/${id}`).expect(200);
      expect(activity.body).toMatchObject({ id, shortTitle: '泉博会', sessions: [] });
      expect(activity.body.targets).toHaveLength(3);

      const missing = await http().get('/api/activities/999999').expect(404);
      expect(missing.body).toEqual({
        statusCode: 404,
        code: 'not_found',
        error: 'Not Found',
        message: '活动 999999 不存在',
      });
      const noPlan = await http().get('/api/programs/no-such-plan').expect(404);
      expect(noPlan.body.message).toContain('no-such-plan');
      const badId = await http().get('/api/activities/abc').expect(400);
      expect(badId.body.details).toEqual([{ field: 'id', reason: '必须是不超过 2147483647 的正整数' }]);
    });

    it('lists units once across both plans', async () => {
      const units = (await http().get('/api/units').expect(200)).body as UnitRef[];
      expect(units.filter((u) => u.name === '市人社局')).toHaveLength(1);
      expect(new Set(units.map((u) => u.code)).size).toBe(units.length);
    });

    it('reports health', async () => {
      const res = await http().get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', db: 'up' });
    });
  });

  it('gives the same answers on MariaDB as on SQLite', async () => {
    for (const path of ['/api/programs', `/api/programs/${PLAN_2021}`, `/api/programs/${PLAN_2022}`, '/api/units']) {
      const [a, b] = await Promise.all([apps.sqlite!.http.get(path), apps.mysql!.http.get(path)]);
      expect(b.body).toEqual(a.body);
    }
  });

  it('serves the OpenAPI document', async () => {
    const res = await apps.sqlite!.http.get('/api/docs-json').expect(200);
    expect(res.body.paths).toHaveProperty('/api/programs/{code}');
  });
});
