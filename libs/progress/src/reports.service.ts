import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService, unitRef, UnitRef } from '@app/catalog';
import {
  forbidden,
  hashRequest,
  IdempotencyService,
  invalidField,
  Page,
  PageQuery,
  TransactionService,
  unprocessable,
} from '@app/core';
import { AccessService, AuthUser } from '@app/identity';
import { ProgressReportEntity } from './entities';
import { Aggregates } from './progress.rules';
import { CreateReportDto } from './report.dto';

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
}

/**
 * Progress reports: numbers responsible units report for `reported` targets. Invariants:
 * only for `reported` targets; only by an admin or an organizer of the reporting unit, which
 * must be one of the target's responsible units; an Idempotency-Key replays the first answer.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tx: TransactionService,
    private readonly idempotency: IdempotencyService,
    private readonly catalog: CatalogService,
    private readonly access: AccessService,
  ) {}

  async create(user: AuthUser, targetId: number, dto: CreateReportDto, idempotencyKey?: string): Promise<ReportView> {
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
    const scope = `progress-report:${targetId}`;
    const id = await this.tx.withTransaction(async ({ em }) => {
      if (idempotencyKey) {
        const prior = await this.idempotency.claim(em, scope, idempotencyKey, hashRequest(dto));
        if (prior) return (prior.body as { id: number }).id;
      }
      const report = em.create(ProgressReportEntity, {
        targetId,
        programId: target.programId,
        unitId: dto.unitId,
        periodLabel: dto.periodLabel,
        value: dto.value,
        note: dto.note ?? null,
        evidence: dto.evidence ?? null,
        reportedBy: user.id,
        createdAt: new Date(),
      });
      await em.insert(ProgressReportEntity, report);
      if (idempotencyKey) {
        await this.idempotency.complete(em, scope, idempotencyKey, { statusCode: 201, body: { id: report.id } });
      }
      return report.id;
    });
    const [view] = await this.views([await this.db.getRepository(ProgressReportEntity).findOneByOrFail({ id })]);
    return view!;
  }

  /** A target's reports, newest first. */
  async list(targetId: number, q: PageQuery): Promise<Page<ReportView>> {
    await this.catalog.getTarget(targetId);
    const [rows, total] = await this.db.getRepository(ProgressReportEntity).findAndCount({
      where: { targetId },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: await this.views(rows), total, page: q.page, pageSize: q.pageSize };
  }

  /** Sums per (target, period) of a program's reports, with the latest report time of each. */
  async sums(programId: number): Promise<Aggregates['reports']> {
    const rows: { target_id: number; period_label: string; total: number | string; last_at: Date | string }[] =
      await this.db.query(
        'SELECT target_id, period_label, SUM(value) AS total, MAX(created_at) AS last_at FROM progress_reports ' +
          'WHERE program_id = ? GROUP BY target_id, period_label',
        [programId],
      );
    return rows.map((r) => ({
      targetId: Number(r.target_id),
      periodLabel: r.period_label,
      value: Number(r.total),
      lastAt: r.last_at instanceof Date ? r.last_at : new Date(`${String(r.last_at).replace(' ', 'T')}Z`),
    }));
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
    }));
  }
}
