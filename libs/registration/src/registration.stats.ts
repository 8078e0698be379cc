import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QuotaTotal {
  activityId: number;
  sessionId: number;
  category: string;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
}

/**
 * Aggregates for progress and attendance, read from the counters kept by every
 * registration change: the cost depends on the number of sessions, not registrations.
 */
@Injectable()
export class RegistrationStats {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async quotaTotals(activityIds: number[]): Promise<QuotaTotal[]> {
    if (activityIds.length === 0) return [];
    const rows: Record<string, string | number>[] = await this.db
      .createQueryBuilder()
      .select('s.activity_id', 'activityId')
      .addSelect('q.session_id', 'sessionId')
      .addSelect('q.category', 'category')
      .addSelect('q.capacity', 'capacity')
      .addSelect('q.confirmed', 'confirmed')
      .addSelect('q.pending', 'pending')
      .addSelect('q.waitlisted', 'waitlisted')
      .from('session_quotas', 'q')
      .innerJoin('sessions', 's', 's.id = q.session_id')
      .where('s.activity_id IN (:...ids)', { ids: activityIds })
      .getRawMany();
    return rows.map((r) => ({
      activityId: Number(r.activityId),
      sessionId: Number(r.sessionId),
      category: String(r.category),
      capacity: Number(r.capacity),
      confirmed: Number(r.confirmed),
      pending: Number(r.pending),
      waitlisted: Number(r.waitlisted),
    }));
  }

  /** Sessions held per activity and level: completed, or scheduled and already over. */
  async sessionsHeld(
    activityIds: number[],
    now = new Date(),
  ): Promise<{ activityId: number; level: string; held: number }[]> {
    if (activityIds.length === 0) return [];
    const rows: Record<string, string | number>[] = await this.db
      .createQueryBuilder()
      .select('s.activity_id', 'activityId')
      .addSelect('s.level', 'level')
      .addSelect('COUNT(*)', 'held')
      .from('sessions', 's')
      .where('s.activity_id IN (:...ids)', { ids: activityIds })
      .andWhere("(s.status = 'completed' OR (s.status = 'scheduled' AND s.ends_at < :now))", { now })
      .groupBy('s.activity_id')
      .addGroupBy('s.level')
      .getRawMany();
    return rows.map((r) => ({ activityId: Number(r.activityId), level: String(r.level), held: Number(r.held) }));
  }
}
