import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlanImporter } from '@app/catalog';
import { repoRoot } from '@app/testing/repo-root';
import { startTestApp, TestApp } from '@app/testing/test-app';

/** The importer upserts by code: a second run writes nothing, an edit updates in place. */
describe.each(['sqlite', 'mysql'] as const)(`${PlanImporter.name} on %s`, (kind) => {
  let t: TestApp;
  let sut: PlanImporter;
  const config = join(repoRoot(), 'config');

  beforeAll(async () => {
    t = await startTestApp(kind); // the app imported both plans at start
    sut = t.app.get(PlanImporter);
  });
  afterAll(() => t?.close());

  it('changes nothing when the same files are imported again', async () => {
    const before = (await t.http.get('/api/programs/qz-2021-talent-activities').expect(200)).body;
    const summary = await sut.importDirectory(config);
    expect(summary).toMatchObject({
      created: 0,
      updated: 0,
      programs: ['qz-2021-talent-activities', 'qz-2022-five-hundreds'],
    });
    expect(summary.unchanged).toBeGreaterThan(100);
    const after = (await t.http.get('/api/programs/qz-2021-talent-activities').expect(200)).body;
    expect(after).toEqual(before);
  });

  it('updates an edited target in place, keeping its id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tep-plans-'));
    mkdirSync(join(dir, 'plans'));
    copyFileSync(join(config, 'units.yaml'), join(dir, 'units.yaml'));
    copyFileSync(join(config, 'plans/2022-five-hundreds-plan.yaml'), join(dir, 'plans/2022-five-hundreds-plan.yaml'));
    const text = readFileSync(join(config, 'plans/2021-activity-plan.yaml'), 'utf8');
    const edited = text.replace(/value: 30\b/, 'value: 31');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, 'plans/2021-activity-plan.yaml'), edited);

    const targets = async () =>
      (
        (await t.http.get('/api/programs/qz-2021-talent-activities').expect(200)).body.series as {
          activities: { targets: { id: number; target: number }[] }[];
        }[]
      )
        .flatMap((s) => s.activities.flatMap((a) => a.targets))
        .map((x) => [x.id, x.target]);
    const before = await targets();
    const summary = await sut.importDirectory(dir);
    expect(summary).toMatchObject({ created: 0, updated: 1 });
    const after = await targets();
    expect(after.map(([id]) => id)).toEqual(before.map(([id]) => id));
    expect(after.filter(([, v], i) => v !== before[i]![1])).toHaveLength(1);
    await sut.importDirectory(config); // put it back for the other tests
  });

  it('rejects a malformed file with the path of the problem and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tep-plans-'));
    mkdirSync(join(dir, 'plans'));
    copyFileSync(join(config, 'units.yaml'), join(dir, 'units.yaml'));
    const text = readFileSync(join(config, 'plans/2021-activity-plan.yaml'), 'utf8');
    writeFileSync(join(dir, 'plans/2021-activity-plan.yaml'), text.replace(/value: 200\b/, 'value: -5'));
    await expect(sut.importDirectory(dir)).rejects.toThrow(/series\[1\]\.activities\[1\]\.targets\[\d\]\.value/);
  });
});
