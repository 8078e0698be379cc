import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Page } from '@app/core';
import { AuditEntryEntity } from '../entities';

export interface AuditRecord {
  actor: { id: number; email: string };
  action: string;
  entity: string;
  entityId?: string | number | null;
  requestId?: string | null;
}

export interface AuditView {
  id: number;
  actor: { id: number; email: string };
  action: string;
  entity: string;
  /** a number for numeric ids, else the stored text (codes) */
  entityId: number | string | null;
  at: Date;
  requestId: string | null;
}

export interface AuditFilter {
  actorId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

/** The audit log: append and read, never change. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends one entry stamped with the current time. */
  async record(entry: AuditRecord): Promise<void> {
    await this.db.getRepository(AuditEntryEntity).insert({
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action.slice(0, 120),
      entity: entry.entity.slice(0, 64),
      entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId).slice(0, 64),
      at: new Date(),
      requestId: entry.requestId ? entry.requestId.slice(0, 100) : null,
    });
  }

  /** Entries matching every given filter, newest first. */
  async list(filter: AuditFilter, page: number, pageSize: number): Promise<Page<AuditView>> {
    const q = this.db.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (filter.actorId !== undefined) q.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.action !== undefined) q.andWhere('a.action = :action', { action: filter.action });
    if (filter.entity !== undefined) q.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId !== undefined) q.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.from) q.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.at <= :to', { to: filter.to });
    const [rows, total] = await q
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map(auditView), total, page, pageSize };
  }
}

const auditView = (a: AuditEntryEntity): AuditView => ({
  id: a.id,
  actor: { id: a.actorId, email: a.actorEmail },
  action: a.action,
  entity: a.entity,
  entityId: a.entityId !== null && /^[1-9]\d{0,14}$/.test(a.entityId) ? Number(a.entityId) : a.entityId,
  at: a.at,
  requestId: a.requestId,
});
