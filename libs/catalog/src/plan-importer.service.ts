import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, ObjectLiteral } from 'typeorm';
import { TransactionService } from '@app/core';
import { ActivityEntity, ActivityUnitEntity, ProgramEntity, SeriesEntity, TargetEntity, UnitEntity } from './entities';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlanFiles, parseProgramFile, parseUnitsFile } from './plan-file/plan-file.parser';
import { ActivityEntry, ProgramFile, TargetEntry, UnitEntry, UnitsFile } from './plan-file/plan-file.types';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  programs: string[];
}

/**
 * Loads `config/units.yaml` and `config/plans/*.yaml` into the catalog.
 *
 * Invariants: idempotent (a second run with the same files writes nothing and reports
 * `created = updated = 0`); keyed by codes at every level, so ids stay stable across
 * re-imports; all-or-nothing (one transaction for everything).
 */
@Injectable()
export class PlanImporter {
  private readonly logger = new Logger(PlanImporter.name);

  constructor(private readonly tx: TransactionService) {}

  /** Imports `units.yaml` and every plan under `plans/` of a config directory. */
  async importDirectory(configDir: string): Promise<ImportSummary> {
    const { units, programs } = loadPlanFiles(configDir);
    return this.importParsed(units, programs);
  }

  /** Imports one plan file against the unit registry of `configDir`. */
  async importFile(file: string, configDir: string): Promise<ImportSummary> {
    const unitsFile = join(configDir, 'units.yaml');
    const units = parseUnitsFile(readFileSync(unitsFile, 'utf8'), unitsFile);
    const program = parseProgramFile(readFileSync(file, 'utf8'), file, new Set(units.units.map((u) => u.code)));
    return this.importParsed(units, [program]);
  }

  private async importParsed(units: UnitsFile, programs: ProgramFile[]): Promise<ImportSummary> {
    const summary = await this.tx.withTransaction(async ({ em }) => {
      const counter = new Counter();
      const unitIds = await this.upsertUnits(em, units.units, counter);
      for (const program of programs) await this.upsertProgram(em, program, unitIds, counter);
      return { ...counter.totals(), programs: programs.map((p) => p.code) };
    });
    this.logger.log(
      `plans imported: ${summary.programs.join(', ')} (created ${summary.created}, updated ${summary.updated}, unchanged ${summary.unchanged})`,
    );
    return summary;
  }

  private async upsertUnits(em: EntityManager, entries: UnitEntry[], counter: Counter): Promise<Map<string, number>> {
    const existing = new Map((await em.find(UnitEntity)).map((u) => [u.code, u]));
    const ids = new Map<string, number>();
    for (const entry of entries) {
      const unit = await counter.save(em, UnitEntity, existing.get(entry.code), {
        code: entry.code,
        name: entry.name,
        fullName: entry.fullName ?? null,
        kind: entry.kind,
        aliases: entry.aliases ?? [],
      });
      ids.set(entry.code, unit.id);
    }
    return ids;
  }

  private async upsertProgram(em: EntityManager, file: ProgramFile, unitIds: Map<string, number>, counter: Counter) {
    const ref = (code: string): number => unitIds.get(code)!; // the parser checked every reference
    const program = await counter.save(em, ProgramEntity, await em.findOneBy(ProgramEntity, { code: file.code }), {
      code: file.code,
      title: file.title,
      documentNumber: file.documentNumber ?? null,
      noticeTitle: file.noticeTitle ?? null,
      issuedOn: file.issuedOn,
      periodStart: file.period.start,
      periodEnd: file.period.end,
      periodText: file.period.text,
      issuingUnitIds: file.issuingUnits.map(ref),
      noticeText: file.noticeText ?? null,
      preamble: file.preamble ?? null,
      summary: file.summary ?? null,
      safeguards: file.safeguards ?? null,
    });

    const seriesByOrdinal = new Map(
      (await em.findBy(SeriesEntity, { programId: program.id })).map((s) => [s.ordinal, s]),
    );
    const activitiesByCode = new Map(
      (await em.findBy(ActivityEntity, { programId: program.id })).map((a) => [a.code, a]),
    );
    const targetsByCode = new Map((await em.findBy(TargetEntity, { programId: program.id })).map((t) => [t.code, t]));
    const seriesIds = new Map<number, number>();

    for (const s of file.series) {
      const series = await counter.save(em, SeriesEntity, seriesByOrdinal.get(s.ordinal), {
        programId: program.id,
        ordinal: s.ordinal,
        label: s.label,
        title: s.title,
      });
      seriesIds.set(s.ordinal, series.id);
      for (const a of s.activities) {
        const activity = await this.upsertActivity(
          em,
          program.id,
          series.id,
          a,
          activitiesByCode.get(a.code),
          ref,
          counter,
        );
        for (const [i, t] of a.targets.entries()) {
          const responsible = (t.responsibleUnits ?? a.leadUnits).map(ref);
          await this.upsertTarget(em, program.id, series.id, activity.id, i, t, responsible, targetsByCode, counter);
        }
      }
    }
    for (const [i, t] of file.targets.entries()) {
      const seriesId = t.seriesOrdinal !== undefined ? (seriesIds.get(t.seriesOrdinal) ?? null) : null;
      const responsible = (t.responsibleUnits ?? file.issuingUnits).map(ref);
      await this.upsertTarget(em, program.id, seriesId, null, i, t, responsible, targetsByCode, counter);
    }
    for (const stale of targetsByCode.keys()) {
      this.logger.warn(
        `target ${file.code}/${stale} is no longer in the plan file; kept because reports may refer to it`,
      );
    }
  }

  private async upsertActivity(
    em: EntityManager,
    programId: number,
    seriesId: number,
    a: ActivityEntry,
    current: ActivityEntity | undefined,
    ref: (code: string) => number,
    counter: Counter,
  ): Promise<ActivityEntity> {
    const activity = await counter.save(em, ActivityEntity, current, {
      programId,
      seriesId,
      code: a.code,
      ordinal: a.ordinal,
      label: a.label,
      title: a.title,
      shortTitle: a.shortTitle ?? null,
      kind: a.kind,
      windowStart: a.window.start,
      windowEnd: a.window.end,
      windowText: a.window.text,
      city: a.city ?? null,
      mode: a.mode,
      adjustable: a.adjustable,
      content: a.content,
      hostRole: a.hostRole,
      hostUnitsOpenEnded: a.hostUnitsOpenEnded ?? false,
      leadNote: a.leadNote ?? null,
      parts: a.parts?.map((p) => ({ title: p.title, leadUnitIds: p.leadUnits.map(ref) })) ?? null,
      deliverables: a.deliverables ?? null,
      note: a.note ?? null,
    });
    const wanted = [
      ...a.leadUnits.map((code, position) => ({ role: 'lead' as const, position, unitId: ref(code) })),
      ...a.hostUnits.map((code, position) => ({ role: 'host' as const, position, unitId: ref(code) })),
    ];
    const have = await em.find(ActivityUnitEntity, {
      where: { activityId: activity.id },
      order: { role: 'ASC', position: 'ASC' },
    });
    const key = (rows: { role: string; position: number; unitId: number }[]) =>
      rows
        .map((r) => `${r.role}:${r.position}:${r.unitId}`)
        .sort()
        .join(',');
    if (key(have) !== key(wanted)) {
      await em.delete(ActivityUnitEntity, { activityId: activity.id });
      await em.insert(
        ActivityUnitEntity,
        wanted.map((w) => ({ ...w, activityId: activity.id })),
      );
      if (current) counter.updated++;
    }
    return activity;
  }

  private async upsertTarget(
    em: EntityManager,
    programId: number,
    seriesId: number | null,
    activityId: number | null,
    position: number,
    t: TargetEntry,
    responsibleUnitIds: number[],
    targetsByCode: Map<string, TargetEntity>,
    counter: Counter,
  ): Promise<void> {
    await counter.save(em, TargetEntity, targetsByCode.get(t.code), {
      programId,
      seriesId,
      activityId,
      code: t.code,
      position,
      metric: t.metric,
      label: t.label,
      value: t.value,
      comparator: t.comparator,
      unit: t.unit,
      period: t.period,
      dueOn: t.dueOn ?? null,
      source: t.source,
      measure: t.measure ?? 'flow',
      scope: t.scope ?? {},
      text: t.text,
      qualifier: t.qualifier ?? null,
      note: t.note ?? null,
      responsibleUnitIds,
    });
    targetsByCode.delete(t.code);
  }
}

/** Saves only what changed, and counts what it did. */
class Counter {
  created = 0;
  updated = 0;
  unchanged = 0;

  async save<E extends ObjectLiteral>(
    em: EntityManager,

    entity: new () => E,
    current: E | null | undefined,
    values: Partial<E>,
  ): Promise<E> {
    if (!current) {
      this.created++;
      return em.save(entity, em.create(entity, values as E));
    }
    const changed = Object.entries(values).some(
      ([k, v]) => JSON.stringify(normalize(current[k as keyof E])) !== JSON.stringify(normalize(v)),
    );
    if (!changed) {
      this.unchanged++;
      return current;
    }
    this.updated++;
    Object.assign(current, values);
    return em.save(entity, current);
  }

  totals() {
    return { created: this.created, updated: this.updated, unchanged: this.unchanged };
  }
}

/** MySQL returns tinyint booleans as 0/1 and SQLite as 0/1 too; compare by meaning. */
function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  return v;
}
