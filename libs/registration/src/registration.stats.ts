import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QuotaTotal {
  activityId: number;
  /** a session's id for {@link RegistrationStats.sessionQuotas}; 0 (all sessions) for quotaTotals */
  sessionId: number;
  category: string;
  capacity: number;
  confirmed: number;
  pending: number;
  waitlisted: number;
}

/**
 * Aggregates for progress and attendance, read from the counters kept by every registration
 * change: the cost depends on the number of sessions and activities, not registrations.
 */
@Injectable()
export class RegistrationStats {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * What registration targets count, one row per (activity, category) with `sessionId` 0:
   * `confirmed`, `pending` and `waitlisted` are DISTINCT participants across the activity's
   * sessions (an enterprise by its 统一社会信用代码, a person by identity), cancelled sessions
   * excluded; `capacity` sums the quotas of the sessions not cancelled. Read from
   * `participation_totals`, kept on every write.
   */
  async quotaTotals(activityIds: number[]): Promise<QuotaTotal[]> {
    if (activityIds.length === 0) return [];
    const [distinct, capacity] = await Promise.all([
      this.db
        .createQueryBuilder()
        .select('t.activity_id', 'activityId')
        .addSelect('t.category', 'category')
        .addSelect('t.kind', 'kind')
        .addSelect('SUM(t.participants)', 'n')
        .from('participation_totals', 't')
        .where('t.activity_id IN (:...ids)', { ids: activityIds })
        .andWhere("t.kind <> 'attended'")
        .groupBy('t.activity_id')
        .addGroupBy('t.category')
        .addGroupBy('t.kind')
        .getRawMany<Record<string, string | number>>(),
      this.db
        .createQueryBuilder()
        .select('s.activity_id', 'activityId')
        .addSelect('q.category', 'category')
        .addSelect('SUM(q.capacity)', 'capacity')
        .from('session_quotas', 'q')
        .innerJoin('sessions', 's', 's.id = q.session_id')
        .where('s.activity_id IN (:...ids)', { ids: activityIds })
        .andWhere("s.status <> 'cancelled'")
        .groupBy('s.activity_id')
        .addGroupBy('q.category')
        .getRawMany<Record<string, string | number>>(),
    ]);
    const rows = new Map<string, QuotaTotal>();
    const row = (activityId: number, category: string) => {
      const k = `${activityId}|${category}`;
      let r = rows.get(k);
      if (!r) {
        r = { activityId, sessionId: 0, category, capacity: 0, confirmed: 0, pending: 0, waitlisted: 0 };
        rows.set(k, r);
      }
      return r;
    };
    for (const c of capacity) row(Number(c.activityId), String(c.category)).capacity = Number(c.capacity);
    for (const d of distinct) {
      const kind = String(d.kind) as 'confirmed' | 'pending' | 'waitlisted';
      row(Number(d.activityId), String(d.category))[kind] = Number(d.n);
    }
    return [...rows.values()];
  }

  /** Per session and category: the quota counters themselves (seats, not people). */
  async sessionQuotas(activityIds: number[]): Promise<QuotaTotal[]> {
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

  /**
   * Distinct participants checked in per (activity, category, level), cancelled sessions
   * excluded: what attendance targets count.
   */
  async attendedTotals(
    activityIds: number[],
  ): Promise<{ activityId: number; category: string; level: string; participants: number }[]> {
    if (activityIds.length === 0) return [];
    const rows: Record<string, string | number>[] = await this.db
      .createQueryBuilder()
      .select('t.activity_id', 'activityId')
      .addSelect('t.category', 'category')
      .addSelect('t.level', 'level')
      .addSelect('t.participants', 'participants')
      .from('participation_totals', 't')
      .where('t.activity_id IN (:...ids)', { ids: activityIds })
      .andWhere("t.kind = 'attended'")
      .getRawMany();
    return rows.map((r) => ({
      activityId: Number(r.activityId),
      category: String(r.category),
      level: String(r.level),
      participants: Number(r.participants),
    }));
  }

  /**
   * Sessions held per activity and level: sessions that took place — marked completed after
   * their start, or scheduled and already over. Cancelled and postponed sessions never count.
   */
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
      .andWhere("((s.status = 'completed' AND s.starts_at <= :now) OR (s.status = 'scheduled' AND s.ends_at < :now))", {
        now,
      })
      .groupBy('s.activity_id')
      .addGroupBy('s.level')
      .getRawMany();
    return rows.map((r) => ({ activityId: Number(r.activityId), level: String(r.level), held: Number(r.held) }));
  }
}
