import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { notFound, RecentReads } from '@app/core';
import { ActivityEntity, ActivityUnitEntity, ProgramEntity, SeriesEntity, TargetEntity, UnitEntity } from './entities';
import {
  activityView,
  ActivityView,
  programSummary,
  ProgramSummaryView,
  targetView,
  TargetView,
  unitRef,
  UnitRef,
} from './catalog.views';

/**
 * Read side of the catalog and the only way other modules see plan data.
 * Every list is built from a fixed number of queries (no per-row lookups).
 */
@Injectable()
export class CatalogService {
  private readonly titles = new RecentReads<number, string>(60_000);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async listUnits(): Promise<(UnitRef & { fullName: string | null; kind: string; aliases: string[] })[]> {
    const units = await this.db.getRepository(UnitEntity).find({ order: { id: 'ASC' } });
    return units.map((u) => ({ ...unitRef(u), fullName: u.fullName, kind: u.kind, aliases: u.aliases }));
  }

  async unitsByIds(ids: number[]): Promise<Map<number, UnitEntity>> {
    if (ids.length === 0) return new Map();
    const units = await this.db.getRepository(UnitEntity).findBy({ id: In([...new Set(ids)]) });
    return new Map(units.map((u) => [u.id, u]));
  }

  async listPrograms(): Promise<ProgramSummaryView[]> {
    const programs = await this.db.getRepository(ProgramEntity).find({ order: { issuedOn: 'ASC' } });
    const count = async (table: string) => {
      const rows: { program_id: number; n: number | string }[] = await this.db.query(
        `SELECT program_id, COUNT(*) AS n FROM ${table} GROUP BY program_id`,
      );
      return new Map(rows.map((r) => [Number(r.program_id), Number(r.n)]));
    };
    const [series, activities, targets] = await Promise.all([count('series'), count('activities'), count('targets')]);
    return programs.map((p) =>
      programSummary(p, {
        series: series.get(p.id) ?? 0,
        activities: activities.get(p.id) ?? 0,
        targets: targets.get(p.id) ?? 0,
      }),
    );
  }

  async getProgramEntity(code: string): Promise<ProgramEntity> {
    const program = await this.db.getRepository(ProgramEntity).findOneBy({ code });
    if (!program) throw notFound('Program', code);
    return program;
  }

  async getProgramEntityById(id: number): Promise<ProgramEntity> {
    const program = await this.db.getRepository(ProgramEntity).findOneBy({ id });
    if (!program) throw notFound('Program', id);
    return program;
  }

  /** The whole plan: series with their activities, units and targets. */
  async getProgram(code: string) {
    const program = await this.getProgramEntity(code);
    const [series, activities, targets] = await Promise.all([
      this.db.getRepository(SeriesEntity).find({ where: { programId: program.id }, order: { ordinal: 'ASC' } }),
      this.db.getRepository(ActivityEntity).find({ where: { programId: program.id }, order: { ordinal: 'ASC' } }),
      this.db.getRepository(TargetEntity).find({ where: { programId: program.id }, order: { position: 'ASC' } }),
    ]);
    const views = await this.activityViews(activities, targets);
    const units = await this.unitsByIds([...program.issuingUnitIds, ...targets.flatMap((t) => t.responsibleUnitIds)]);
    const counts = { series: series.length, activities: activities.length, targets: targets.length };
    return {
      ...programSummary(program, counts),
      noticeTitle: program.noticeTitle,
      issuingUnits: program.issuingUnitIds.map((id) => unitRef(units.get(id)!)),
      noticeText: program.noticeText,
      preamble: program.preamble,
      summary: program.summary,
      safeguards: program.safeguards ?? [],
      targets: targets.filter((t) => t.activityId === null).map((t) => targetView(t, units)),
      series: series.map((s) => ({
        id: s.id,
        ordinal: s.ordinal,
        label: s.label,
        title: s.title,
        activities: views.filter((a) => a.seriesId === s.id),
      })),
    };
  }

  async getActivityEntity(id: number): Promise<ActivityEntity> {
    const activity = await this.db.getRepository(ActivityEntity).findOneBy({ id });
    if (!activity) throw notFound('Activity', id);
    return activity;
  }

  /**
   * An activity's title, for messages on hot paths. Titles change only by re-importing a plan
   * file, which restarts nothing, so entries expire after a minute rather than never.
   */
  activityTitle(id: number): Promise<string> {
    return this.titles.get(id, async (key) => (await this.getActivityEntity(key)).title);
  }

  async getActivity(id: number): Promise<ActivityView> {
    const activity = await this.getActivityEntity(id);
    const targets = await this.db
      .getRepository(TargetEntity)
      .find({ where: { activityId: id }, order: { position: 'ASC' } });
    const [view] = await this.activityViews([activity], targets);
    return view!;
  }

  /** Lead and host unit ids of an activity: who may organize it. */
  async activityUnitIds(activityId: number): Promise<number[]> {
    const rows = await this.db.getRepository(ActivityUnitEntity).findBy({ activityId });
    return [...new Set(rows.map((r) => r.unitId))];
  }

  /** Every target of a program (program-level and per activity), in document order. */
  async listTargets(programId: number): Promise<TargetView[]> {
    const targets = await this.db.getRepository(TargetEntity).find({
      where: { programId },
      order: { activityId: 'ASC', position: 'ASC' },
    });
    const units = await this.unitsByIds(targets.flatMap((t) => t.responsibleUnitIds));
    return targets.map((t) => targetView(t, units));
  }

  async getTarget(id: number): Promise<TargetEntity> {
    const target = await this.db.getRepository(TargetEntity).findOneBy({ id });
    if (!target) throw notFound('Target', id);
    return target;
  }

  async listActivities(programId: number): Promise<ActivityEntity[]> {
    return this.db
      .getRepository(ActivityEntity)
      .find({ where: { programId }, order: { seriesId: 'ASC', ordinal: 'ASC' } });
  }

  async listSeries(programId: number): Promise<SeriesEntity[]> {
    return this.db.getRepository(SeriesEntity).find({ where: { programId }, order: { ordinal: 'ASC' } });
  }

  private async activityViews(activities: ActivityEntity[], targets: TargetEntity[]): Promise<ActivityView[]> {
    if (activities.length === 0) return [];
    const links = await this.db.getRepository(ActivityUnitEntity).find({
      where: { activityId: In(activities.map((a) => a.id)) },
      order: { position: 'ASC' },
    });
    const units = await this.unitsByIds([
      ...links.map((l) => l.unitId),
      ...targets.flatMap((t) => t.responsibleUnitIds),
      ...activities.flatMap((a) => a.parts?.flatMap((p) => p.leadUnitIds) ?? []),
    ]);
    return activities.map((a) => {
      const mine = links.filter((l) => l.activityId === a.id);
      const pick = (role: string) => mine.filter((l) => l.role === role).map((l) => units.get(l.unitId)!);
      const ts = targets.filter((t) => t.activityId === a.id).map((t) => targetView(t, units));
      return activityView(a, pick('lead'), pick('host'), ts, units);
    });
  }
}
