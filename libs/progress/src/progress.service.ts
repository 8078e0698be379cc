import { Clock, groupBy } from '@app/core';
import { Injectable } from '@nestjs/common';
import { CatalogService, TargetView } from '@app/catalog';
import { AttendanceService } from '@app/attendance';
import { OutcomesService } from '@app/outcomes';
import { RegistrationStats } from '@app/registration';
import { actualOf, Aggregates, periodsProgress, ratioOf, statusOf, targetWindow } from './progress.rules';
import { countsOf, ProgramProgress, TargetProgress } from './progress.views';
import { ReportsService } from './reports.service';
import { DateRange, periodLabelOf } from './report-period';

/**
 * Plan versus actual for a whole program.
 *
 * Invariant: every actual comes from aggregates kept current on write — quota counters,
 * attendance tallies, outcome tallies, held-session counts, report sums — read with a fixed
 * number of queries, so the answer costs the same at a thousand or a million registrations.
 */
@Injectable()
export class ProgressService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly stats: RegistrationStats,
    private readonly attendance: AttendanceService,
    private readonly outcomes: OutcomesService,
    private readonly reports: ReportsService,
    private readonly clock: Clock,
  ) {}

  async programProgress(code: string): Promise<ProgramProgress> {
    const now = this.clock.now();
    const program = await this.catalog.getProgramEntity(code);
    const [targets, activities, series] = await Promise.all([
      this.catalog.listTargets(program.id),
      this.catalog.listActivities(program.id),
      this.catalog.listSeries(program.id),
    ]);
    const ids = activities.map((a) => a.id);
    const [quotas, attendance, held, outcomes, reports] = await Promise.all([
      this.stats.quotaTotals(ids),
      this.attendance.totals(ids),
      this.stats.sessionsHeld(ids, now),
      this.outcomes.totals(ids),
      this.reports.rows(program.id),
    ]);
    const agg: Aggregates = { quotas, attendance, held, outcomes, reports };
    const programRange: DateRange = { start: program.periodStart, end: program.periodEnd };
    const activityById = new Map(activities.map((a) => [a.id, a]));
    const seriesById = new Map(series.map((s) => [s.id, s]));

    const scopeOf = (t: TargetView): number[] => {
      if (t.activityId !== null) return [t.activityId];
      // program-level targets count the activities of their series, or of the whole program
      return activities.filter((a) => t.seriesId === null || a.seriesId === t.seriesId).map((a) => a.id);
    };
    const rows: TargetProgress[] = targets.map((t) => {
      const activity = t.activityId !== null ? activityById.get(t.activityId) : undefined;
      const home = activity ? { start: activity.windowStart, end: activity.windowEnd } : programRange;
      const window = targetWindow(t, home, programRange, now);
      const actual = actualOf(t, scopeOf(t), agg, window);
      const periods = periodsProgress(t, programRange, reports, now);
      const seriesId = t.seriesId ?? activity?.seriesId ?? null;
      const s = seriesId !== null ? seriesById.get(seriesId) : undefined;
      return {
        id: t.id,
        code: t.code,
        activityId: t.activityId,
        seriesId,
        metric: t.metric,
        label: t.label,
        target: t.target,
        comparator: t.comparator,
        unit: t.unit,
        source: t.source,
        measure: t.measure,
        period: t.period,
        dueOn: t.dueOn,
        actual,
        ratio: ratioOf(actual, t.target),
        status: statusOf(t, actual, window, now),
        window,
        responsibleUnits: t.responsibleUnits,
        activity: activity ? { ordinal: activity.ordinal, label: activity.label, title: activity.title } : null,
        series: s ? { ordinal: s.ordinal, label: s.label, title: s.title } : null,
        ...(periods
          ? { periods, currentPeriod: periodLabelOf(window.start, t.period as 'yearly' | 'half_yearly') }
          : {}),
      };
    });

    const byLead = groupBy(
      rows.filter((r) => r.responsibleUnits.length > 0),
      (r) => r.responsibleUnits[0]!.id,
    );
    const bySeries = groupBy(rows, (r) => r.seriesId);
    const seriesOrder = [...series.map((s) => s.id as number | null), null];
    return {
      program: {
        code: program.code,
        title: program.title,
        periodStart: program.periodStart,
        periodEnd: program.periodEnd,
      },
      asOf: now.toISOString(),
      targets: rows,
      byUnit: [...byLead.values()].map((list) => ({ unit: list[0]!.responsibleUnits[0]!, ...countsOf(list) })),
      bySeries: seriesOrder
        .filter((id) => bySeries.has(id))
        .map((id) => {
          const s = series.find((x) => x.id === id);
          return { seriesId: id, ordinal: s?.ordinal ?? null, title: s?.title ?? null, ...countsOf(bySeries.get(id)!) };
        }),
    };
  }
}
