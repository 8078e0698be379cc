import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { CatalogService } from '@app/catalog';
import { AppError, Clock, isUniqueViolation, notFound, TransactionService } from '@app/core';
import { UsersService } from '@app/identity';
import { BulletinFacts, bulletinXlsx, NewStaffNotification, NotificationsService } from '@app/notifications';
import { chinaDate, ProgressService, ReportsService } from '@app/progress';
import { BULLETIN_FREQUENCIES, BulletinFrequency, bulletinPeriodProblem, cronOf, duePeriod } from './bulletin-period';
import { buildSnapshot } from './bulletin.snapshot';
import { BulletinEntity, BulletinScheduleEntity } from './entities';

export interface BulletinSummaryView {
  id: number;
  programCode: string;
  periodLabel: string;
  trigger: string;
  asOf: string;
  behind: number;
  notReported: number;
}

export interface IssueResult {
  bulletin: BulletinFacts & { id: number; trigger: string };
  /** false: the program already had a bulletin for the period, which is answered instead */
  created: boolean;
}

export interface ScheduleView {
  programCode: string;
  frequency: BulletinFrequency;
  enabled: boolean;
  /** when bulletins go out: cron in Asia/Shanghai (the 1st at 09:00 after each period) */
  cron: string;
  /** the period whose bulletin is due now */
  duePeriod: string;
}

const PERIOD_REASONS = {
  period_invalid: 'must be YYYY, YYYY-H1/H2, YYYY-Q1..Q4 or YYYY-MM',
  period_outside_program: 'lies outside the program period',
  period_in_future: 'has not begun yet',
} as const;

/**
 * 通报: immutable dated snapshots of a program's progress. Invariants: exactly one bulletin per
 * program and period (a unique key: concurrent issuers, scheduled or on demand, get the same
 * one); the bulletin row and the mails it owes (each lead unit's organizers, the administrators)
 * commit together through the outbox; nothing in a bulletin changes after it is issued.
 */
@Injectable()
export class BulletinsService {
  private readonly logger = new Logger(BulletinsService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly catalog: CatalogService,
    private readonly progress: ProgressService,
    private readonly reports: ReportsService,
    private readonly users: UsersService,
    private readonly outbox: NotificationsService,
    private readonly clock: Clock,
  ) {}

  /** Issues the program's bulletin for a period (default: the one its schedule has due now). */
  async issue(
    programCode: string,
    opts: { periodLabel?: string; trigger: 'schedule' | 'manual'; actorId?: number },
  ): Promise<IssueResult> {
    const program = await this.catalog.getProgramEntity(programCode);
    const now = this.clock.now();
    const schedule = await this.scheduleOf(program.id);
    const periodLabel = opts.periodLabel ?? duePeriod(schedule.frequency, now);
    const problem = bulletinPeriodProblem(
      periodLabel,
      { start: program.periodStart, end: program.periodEnd },
      chinaDate(now),
    );
    if (problem) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `periodLabel ${periodLabel} ${PERIOD_REASONS[problem]}`,
        [{ field: 'periodLabel', reason: PERIOD_REASONS[problem] }],
        { code: problem },
      );
    }
    const existing = await this.find(program.id, periodLabel);
    if (existing) return { bulletin: this.facts(existing, programCode), created: false };

    const [progress, activities, series, reports, previous] = await Promise.all([
      this.progress.programProgress(programCode),
      this.catalog.listActivities(program.id),
      this.catalog.listSeries(program.id),
      this.reports.rows(program.id),
      this.db.getRepository(BulletinEntity).findOne({
        where: { programId: program.id, asOf: LessThan(now) },
        order: { asOf: 'DESC', id: 'DESC' },
      }),
    ]);
    const snapshot = buildSnapshot({
      progress,
      periodLabel,
      activities: activities.map((a) => ({ id: a.id, seriesId: a.seriesId, windowStart: a.windowStart })),
      series: series.map((s) => ({ id: s.id, label: s.label, title: s.title })),
      reports,
      previous: previous ? { id: previous.id, snapshot: previous.snapshot } : null,
      today: chinaDate(now),
    });
    const leadUnits = new Map<number, string>();
    for (const t of snapshot.targets) if (t.units[0]) leadUnits.set(t.units[0].id, t.units[0].name);
    const staff = await this.users.staff([...leadUnits.keys()]);
    try {
      const row = await this.tx.withTransaction(async (tx) => {
        const entity = tx.em.create(BulletinEntity, {
          programId: program.id,
          periodLabel,
          trigger: opts.trigger,
          issuedBy: opts.actorId ?? null,
          asOf: new Date(progress.asOf),
          snapshot,
          createdAt: now,
        });
        await tx.em.insert(BulletinEntity, entity);
        const bulletin: BulletinFacts = { ...snapshot, bulletinId: entity.id };
        const mails: NewStaffNotification[] = [];
        for (const user of staff) {
          if (user.role === 'admin') {
            mails.push(this.mail(bulletin, user, null));
            continue;
          }
          for (const unitId of user.unitIds) {
            mails.push(this.mail(bulletin, user, { id: unitId, name: leadUnits.get(unitId)! }));
          }
        }
        await this.outbox.enqueueStaff(tx, mails);
        return entity;
      });
      this.logger.log(`bulletin ${row.id} issued: ${programCode} ${periodLabel} (${opts.trigger})`);
      return { bulletin: this.facts(row, programCode), created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // another worker or request issued it first: answer that one
      const winner = await this.find(program.id, periodLabel);
      if (!winner) throw error;
      return { bulletin: this.facts(winner, programCode), created: false };
    }
  }

  /**
   * What the schedules have due now: for every program with an enabled schedule whose due
   * period lies within the program and has no bulletin yet, issue it. Safe to run from any
   * number of processes at once.
   */
  async issueDue(): Promise<number> {
    const now = this.clock.now();
    const today = chinaDate(now);
    let issued = 0;
    for (const p of await this.catalog.listPrograms()) {
      const program = await this.catalog.getProgramEntity(p.code);
      const schedule = await this.scheduleOf(program.id);
      if (!schedule.enabled) continue;
      const periodLabel = duePeriod(schedule.frequency, now);
      if (bulletinPeriodProblem(periodLabel, { start: program.periodStart, end: program.periodEnd }, today)) continue;
      if (await this.find(program.id, periodLabel)) continue;
      try {
        if ((await this.issue(p.code, { periodLabel, trigger: 'schedule' })).created) issued++;
      } catch (error) {
        this.logger.error(`bulletin for ${p.code} ${periodLabel} failed: ${(error as Error).message}`);
      }
    }
    return issued;
  }

  async list(programCode: string): Promise<BulletinSummaryView[]> {
    const program = await this.catalog.getProgramEntity(programCode);
    const rows = await this.db
      .getRepository(BulletinEntity)
      .find({ where: { programId: program.id }, order: { asOf: 'DESC', id: 'DESC' } });
    return rows.map((r) => ({
      id: r.id,
      programCode,
      periodLabel: r.periodLabel,
      trigger: r.trigger,
      asOf: r.asOf.toISOString(),
      behind: r.snapshot.targets.filter((t) => t.status === 'behind').length,
      notReported: r.snapshot.notReported.length,
    }));
  }

  async get(id: number): Promise<BulletinFacts & { id: number; trigger: string }> {
    const row = await this.db.getRepository(BulletinEntity).findOneBy({ id });
    if (!row) throw notFound('Bulletin', id);
    return this.facts(row, row.snapshot.program.code);
  }

  async xlsx(id: number, locale: 'zh-CN' | 'en'): Promise<{ body: Buffer; filename: string }> {
    const b = await this.get(id);
    return { body: await bulletinXlsx(b, locale), filename: `bulletin-${b.program.code}-${b.periodLabel}.xlsx` };
  }

  async schedule(programCode: string): Promise<ScheduleView> {
    const program = await this.catalog.getProgramEntity(programCode);
    const s = await this.scheduleOf(program.id);
    return { programCode, ...s, cron: cronOf(s.frequency), duePeriod: duePeriod(s.frequency, this.clock.now()) };
  }

  async setSchedule(
    programCode: string,
    patch: { frequency?: BulletinFrequency; enabled?: boolean },
    actorId: number,
  ): Promise<ScheduleView> {
    const program = await this.catalog.getProgramEntity(programCode);
    const current = await this.scheduleOf(program.id);
    await this.db.getRepository(BulletinScheduleEntity).save({
      programId: program.id,
      frequency: patch.frequency ?? current.frequency,
      enabled: patch.enabled ?? current.enabled,
      updatedBy: actorId,
      updatedAt: this.clock.now(),
    });
    return this.schedule(programCode);
  }

  private async scheduleOf(programId: number): Promise<{ frequency: BulletinFrequency; enabled: boolean }> {
    const row = await this.db.getRepository(BulletinScheduleEntity).findOneBy({ programId });
    const frequency = BULLETIN_FREQUENCIES.find((f) => f === row?.frequency) ?? 'monthly';
    return { frequency, enabled: row ? Boolean(row.enabled) : true };
  }

  private find(programId: number, periodLabel: string): Promise<BulletinEntity | null> {
    return this.db.getRepository(BulletinEntity).findOneBy({ programId, periodLabel });
  }

  private facts(row: BulletinEntity, programCode: string): BulletinFacts & { id: number; trigger: string } {
    return {
      ...row.snapshot,
      program: { ...row.snapshot.program, code: programCode },
      bulletinId: row.id,
      id: row.id,
      trigger: row.trigger,
    };
  }

  private mail(
    bulletin: BulletinFacts,
    user: { id: number; email: string },
    unit: { id: number; name: string } | null,
  ): NewStaffNotification {
    return {
      type: 'bulletin_issued',
      dedupeKey: unit
        ? `bulletin:${bulletin.bulletinId}:unit:${unit.id}:user:${user.id}`
        : `bulletin:${bulletin.bulletinId}:admin:${user.id}`,
      recipientEmail: user.email,
      recipientName: unit ? unit.name : '管理员',
      locale: 'zh-CN',
      unitId: unit?.id ?? null,
      facts: { recipientName: unit ? unit.name : '管理员', unit, bulletin },
    };
  }
}
