import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService } from '@app/catalog';
import { AccessService, AuthUser } from '@app/identity';
import { RegistrationStats, SessionsService } from '@app/registration';
import { attendanceView, AttendanceView } from './attendance.views';

/** Checked-in count of one (activity, category, level); level '' when the registrations had none. */
export interface AttendanceTotal {
  activityId: number;
  sessionId: number;
  category: string;
  level: string;
  checkedIn: number;
}

/**
 * Attendance read side. Every figure comes from counters kept current on write (quota
 * counters for registered, attendance tallies for checked in), so a view costs the same
 * for ten people or a million.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly stats: RegistrationStats,
    private readonly access: AccessService,
  ) {}

  /** Per category of one session; organizers of the activity and its check-in staff. */
  async sessionAttendance(user: AuthUser, sessionId: number): Promise<AttendanceView & { sessionId: number }> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanCheckIn(user, { activityId: session.activityId, sessionId });
    const [quotas, tallies] = await Promise.all([
      this.stats.sessionQuotas([session.activityId]),
      this.sessionTallies([session.activityId]),
    ]);
    return {
      sessionId,
      ...attendanceView(
        quotas.filter((q) => q.sessionId === sessionId),
        tallies.filter((t) => t.sessionId === sessionId),
      ),
    };
  }

  /** Roll-up of an activity's sessions, with one line per session; organizers of the activity. */
  async activityAttendance(user: AuthUser, activityId: number) {
    await this.catalog.getActivityEntity(activityId);
    await this.access.assertCanManageActivity(user, activityId);
    const [quotas, tallies] = await Promise.all([
      this.stats.sessionQuotas([activityId]),
      this.sessionTallies([activityId]),
    ]);
    const sessionIds = [...new Set([...quotas.map((q) => q.sessionId), ...tallies.map((t) => t.sessionId)])];
    return {
      activityId,
      ...attendanceView(quotas, tallies),
      sessions: sessionIds
        .sort((a, b) => a - b)
        .map((sessionId) => ({
          sessionId,
          ...attendanceView(
            quotas.filter((q) => q.sessionId === sessionId),
            tallies.filter((t) => t.sessionId === sessionId),
          ).total,
        })),
    };
  }

  /** Roll-up of a whole program by category and by activity (organizers and admins). */
  async programAttendance(code: string) {
    const program = await this.catalog.getProgramEntity(code);
    const activities = await this.catalog.listActivities(program.id);
    const ids = activities.map((a) => a.id);
    const [quotas, tallies] = await Promise.all([this.stats.sessionQuotas(ids), this.sessionTallies(ids)]);
    return {
      program: { code: program.code, title: program.title },
      ...attendanceView(quotas, tallies),
      byActivity: activities.map((a) => ({
        activityId: a.id,
        code: a.code,
        title: a.shortTitle ?? a.title,
        ...attendanceView(
          quotas.filter((q) => q.activityId === a.id),
          tallies.filter((t) => t.activityId === a.id),
        ).total,
      })),
    };
  }

  /**
   * What progress reads for `attendance` targets: DISTINCT participants checked in per
   * (activity, category, level) across the activity's sessions, cancelled sessions excluded,
   * one row each with `sessionId` 0. Read from the distinct totals kept on every check-in and
   * undo; never counts check-in rows.
   */
  async totals(activityIds: number[]): Promise<AttendanceTotal[]> {
    const rows = await this.stats.attendedTotals(activityIds);
    return rows.map((r) => ({
      activityId: r.activityId,
      sessionId: 0,
      category: r.category,
      level: r.level,
      checkedIn: r.participants,
    }));
  }

  /** Check-ins per (activity, session, category, level) from the session tallies (people at each door). */
  async sessionTallies(activityIds: number[]): Promise<AttendanceTotal[]> {
    if (activityIds.length === 0) return [];
    const rows: { activity_id: number; session_id: number; category: string; level: string; checked_in: number }[] =
      await this.db.query(
        'SELECT activity_id, session_id, category, level, checked_in FROM attendance_tallies ' +
          `WHERE activity_id IN (${activityIds.map(() => '?').join(', ')})`,
        activityIds,
      );
    return rows.map((r) => ({
      activityId: Number(r.activity_id),
      sessionId: Number(r.session_id),
      category: r.category,
      level: r.level,
      checkedIn: Number(r.checked_in),
    }));
  }
}
