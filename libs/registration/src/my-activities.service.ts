import { Injectable } from '@nestjs/common';
import { ActivityView, CatalogService } from '@app/catalog';
import { AuthUser } from '@app/identity';
import { SessionView } from './session.views';
import { SessionsService } from './sessions.service';

export interface MyActivity extends ActivityView {
  sessions: SessionView[];
}

export interface MyProgram {
  code: string;
  title: string;
  series: { id: number; label: string; title: string; activities: MyActivity[] }[];
}

/**
 * The console's starting point: the activities a staff member works on, by program and series,
 * each with its sessions and targets. Organizers: activities whose lead or host units include
 * one of theirs. Check-in staff: the same by unit, plus sessions assigned to them, and only the
 * sessions they may check in at. Admins: everything.
 */
@Injectable()
export class MyActivitiesService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
  ) {}

  async list(user: AuthUser): Promise<{ programs: MyProgram[] }> {
    const summaries = await this.catalog.listPrograms();
    const plans = await Promise.all(summaries.map((p) => this.catalog.getProgram(p.code)));
    const all = plans.flatMap((p) => p.series.flatMap((s) => s.activities));
    const byUnit = (a: ActivityView) => [...a.leadUnits, ...a.hostUnits].some((u) => user.unitIds.includes(u.id));
    const sessions = await this.sessions.listForActivities(all.map((a) => a.id));
    const assigned = new Set(user.sessionIds);
    const visibleSession = (a: ActivityView, s: SessionView) =>
      user.role === 'admin' || byUnit(a) || (user.role === 'checkin_staff' && assigned.has(s.id));
    const programs: MyProgram[] = plans.map((p) => ({
      code: p.code,
      title: p.title,
      series: p.series
        .map((s) => ({
          id: s.id,
          label: s.label,
          title: s.title,
          activities: s.activities
            .map((a) => ({ ...a, sessions: sessions.filter((x) => x.activityId === a.id && visibleSession(a, x)) }))
            .filter((a) => user.role === 'admin' || byUnit(a) || a.sessions.length > 0),
        }))
        .filter((s) => s.activities.length > 0),
    }));
    return { programs: programs.filter((p) => p.series.length > 0) };
  }
}
