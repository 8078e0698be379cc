import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CatalogService, unitRef, UnitRef } from '@app/catalog';
import {
  AppError,
  Clock,
  forbidden,
  hashRequest,
  IdempotencyService,
  invalidField,
  isUniqueViolation,
  notFound,
  Page,
  PageQuery,
  TransactionService,
  unprocessable,
} from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { ProgressReportEntity, ProgressReportRevisionEntity, ReportAction } from './entities';
import { ReportRow } from './progress.rules';
import { reportPeriodProblem } from './report-period';
import { CreateReportDto, WithdrawReportDto } from './report.dto';

export interface ReportView {
  id: number;
  targetId: number;
  unit: UnitRef;
  periodLabel: string;
  value: number;
  note: string | null;
  evidence: string | null;
  reportedBy: number;
  createdAt: string;
  updatedAt: string;
  revision: number;
  withdrawnAt: string | null;
}

export interface FiledReport {
  report: ReportView;
  /** true when the filing replaced an earlier value for the same target, unit and period */
  corrected: boolean;
}

export interface RevisionView {
  revision: number;
  action: ReportAction;
  value: number;
  note: string | null;
  evidence: string | null;
  actorId: number;
  at: string;
}

const PERIOD_MESSAGES = {
  period_before_program: 'ends before the program starts',
  period_in_future: 'has not begun yet',
} as const;

/**
 * Progress reports: numbers responsible units report for `reported` targets. Invariants:
 * only for `reported` targets; only by an admin or an organizer of the reporting unit, which
 * must be one of the target's responsible units; one report per target, unit and period —
 * filing again corrects it and every value it held stays in its history; a period that has not
 * begun or that ends before the program starts is refused; an Idempotency-Key replays the first
 * answer.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly catalog: CatalogService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, targetId: number, dto: CreateReportDto, idempotencyKey?: string): Promise<FiledReport> {
    const target = await this.catalog.getTarget(targetId);
    await this.access.assertCanReportFor(user, target.responsibleUnitIds);
    if (target.source !== 'reported') {
      throw unprocessable(`Target ${target.code} is counted from ${target.source}, not from reports`, [
        { field: 'targetId', reason: `source is ${target.source}` },
      ]).as('target_not_reportable', { target: target.code });
    }
    if (!target.responsibleUnitIds.includes(dto.unitId)) {
      throw invalidField('unitId', 'is not a responsible unit of this target');
    }
    if (user.role !== 'admin' && !user.unitIds.includes(dto.unitId)) {
      throw forbidden('You may report only for your own unit').as('own_unit_only');
    }
    const program = await this.catalog.getProgramEntityById(target.programId);
    const problem = reportPeriodProblem(dto.periodLabel, program.periodStart, this.clock.now());
    if (problem) {
      const reason = PERIOD_MESSAGES[problem];
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        `periodLabel ${dto.periodLabel} ${reason} (program ${program.periodStart}..${program.periodEnd})`,
        [{ field: 'periodLabel', reason }],
        { code: problem },
      );
    }
    const scope = `progress-report:${targetId}`;
    const file = () =>
      this.tx.withTransaction(async ({ em }) => {
        if (idempotencyKey) {
          const prior = await this.idempotency.claim(em, scope, idempotencyKey, hashRequest(dto));
          if (prior) return prior.body as { id: number; corrected: boolean };
        }
        const result = await this.fileIn(em, user, target.programId, targetId, dto);
        if (idempotencyKey) {
          const statusCode = result.corrected ? 200 : 201;
          await this.idempotency.complete(em, scope, idempotencyKey, { statusCode, body: result });
        }
        return result;
      });
    let result: { id: number; corrected: boolean };
    try {
      result = await file();
    } catch (error) {
      // two first filings for one key at once: the loser finds the winner's row and corrects it
      if (!isUniqueViolation(error)) throw error;
      result = await file();
    }
    return { report: await this.view(result.id), corrected: result.corrected };
  }

  /** Withdraws a report: it stays listed, with its history, and counts for nothing. */
  async withdraw(user: AuthUser, reportId: number, dto: WithdrawReportDto): Promise<ReportView> {
    const report = await this.db.getRepository(ProgressReportEntity).findOneBy({ id: reportId });
    if (!report) throw notFound('Report', reportId);
    const target = await this.catalog.getTarget(report.targetId);
    await this.access.assertCanReportFor(user, target.responsibleUnitIds);
    if (user.role !== 'admin' && !user.unitIds.includes(report.unitId)) {
      throw forbidden('You may withdraw only your own unit’s reports');
    }
    await this.tx.withTransaction(async ({ em }) => {
      const now = this.clock.now();
      const changed = await em
        .createQueryBuilder()
        .update(ProgressReportEntity)
        .set({ withdrawnAt: now, withdrawnBy: user.id, revision: () => 'revision + 1' })
        .where({ id: reportId, withdrawnAt: IsNull() })
        .execute();
      if (!changed.affected) {
        throw new AppError(HttpStatus.CONFLICT, `Report ${reportId} is already withdrawn`, undefined, {
          code: 'report_withdrawn',
        });
      }
      const row = await em.findOneByOrFail(ProgressReportEntity, { id: reportId });
      await this.revise(em, row, 'withdrawn', user.id, now, dto.reason ?? null);
    });
    return this.view(reportId);
  }

  /** A target's reports, newest first, withdrawn ones included (marked). */
  async list(targetId: number, q: PageQuery): Promise<Page<ReportView>> {
    await this.catalog.getTarget(targetId);
    const [rows, total] = await this.db.getRepository(ProgressReportEntity).findAndCount({
      where: { targetId },
      order: { updatedAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: await this.views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** Every value a report held, oldest first. */
  async history(reportId: number): Promise<{ report: ReportView; revisions: RevisionView[] }> {
    const report = await this.view(reportId);
    const rows = await this.db
      .getRepository(ProgressReportRevisionEntity)
      .find({ where: { reportId }, order: { revision: 'ASC' } });
    return {
      report,
      revisions: rows.map((r) => ({
        revision: r.revision,
        action: r.action,
        value: Number(r.value),
        note: r.note,
        evidence: r.evidence,
        actorId: r.actorId,
        at: r.at.toISOString(),
      })),
    };
  }

  /** The reports of a program that count: one per target, unit and period, withdrawn ones left out. */
  async rows(programId: number): Promise<ReportRow[]> {
    const rows = await this.db.getRepository(ProgressReportEntity).find({
      select: { targetId: true, unitId: true, periodLabel: true, value: true, updatedAt: true },
      where: { programId, withdrawnAt: IsNull() },
    });
    return rows.map((r) => ({
      targetId: r.targetId,
      unitId: r.unitId,
      periodLabel: r.periodLabel,
      value: Number(r.value),
      at: r.updatedAt,
    }));
  }

  /** Inserts the first report of a key, or corrects (or refiles) the existing one under its row lock. */
  private async fileIn(
    em: EntityManager,
    user: AuthUser,
    programId: number,
    targetId: number,
    dto: CreateReportDto,
  ): Promise<{ id: number; corrected: boolean }> {
    const now = this.clock.now();
    const key = { targetId, unitId: dto.unitId, periodLabel: dto.periodLabel };
    const existing = await em.findOne(ProgressReportEntity, {
      where: key,
      ...(this.tx.isMysql ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const values = {
      value: dto.value,
      note: dto.note ?? null,
      evidence: dto.evidence ?? null,
      reportedBy: user.id,
      updatedAt: now,
    };
    if (!existing) {
      const report = em.create(ProgressReportEntity, {
        ...key,
        ...values,
        programId,
        createdAt: now,
        revision: 1,
        withdrawnAt: null,
        withdrawnBy: null,
      });
      await em.insert(ProgressReportEntity, report);
      await this.revise(em, report, 'filed', user.id, now);
      return { id: report.id, corrected: false };
    }
    const action: ReportAction = existing.withdrawnAt ? 'refiled' : 'corrected';
    Object.assign(existing, values, { revision: existing.revision + 1, withdrawnAt: null, withdrawnBy: null });
    await em.save(ProgressReportEntity, existing);
    await this.revise(em, existing, action, user.id, now);
    return { id: existing.id, corrected: true };
  }

  private async revise(
    em: EntityManager,
    r: ProgressReportEntity,
    action: ReportAction,
    actorId: number,
    at: Date,
    note: string | null = r.note,
  ): Promise<void> {
    await em.insert(ProgressReportRevisionEntity, {
      reportId: r.id,
      revision: r.revision,
      action,
      value: r.value,
      note,
      evidence: r.evidence,
      actorId,
      at,
    });
  }

  private async view(id: number): Promise<ReportView> {
    const row = await this.db.getRepository(ProgressReportEntity).findOneBy({ id });
    if (!row) throw notFound('Report', id);
    return (await this.views([row]))[0]!;
  }

  private async views(rows: ProgressReportEntity[]): Promise<ReportView[]> {
    const units = await this.catalog.unitsByIds(rows.map((r) => r.unitId));
    return rows.map((r) => ({
      id: r.id,
      targetId: r.targetId,
      unit: unitRef(units.get(r.unitId)!),
      periodLabel: r.periodLabel,
      value: Number(r.value),
      note: r.note,
      evidence: r.evidence,
      reportedBy: r.reportedBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: (r.updatedAt ?? r.createdAt).toISOString(),
      revision: r.revision,
      withdrawnAt: r.withdrawnAt ? r.withdrawnAt.toISOString() : null,
    }));
  }
}
