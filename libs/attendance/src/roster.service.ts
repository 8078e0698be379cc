import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService } from '@app/catalog';
import { AccessService, AuditService, AuthUser } from '@app/identity';
import {
  maskIdNumber,
  maskPhone,
  RegistrationListQuery,
  RegistrationsService,
  SessionsService,
  unitNameOf,
} from '@app/registration';
import { CheckInEntity } from './entities';
import { rosterXlsx } from './roster.xlsx';

/**
 * 报名管理 and the 签到表: a session's registrations with their check-in time, for organizers of
 * the activity. Phone and ID numbers are masked unless the caller may see them.
 */
@Injectable()
export class RosterService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly sessions: SessionsService,
    private readonly registrations: RegistrationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async page(user: AuthUser, sessionId: number, q: RegistrationListQuery & { checkedIn?: boolean }) {
    const reveal = await this.authorize(user, sessionId);
    const checkIns = await this.checkIns(sessionId);
    const ids = [...checkIns.keys()];
    const restrict = q.checkedIn === true ? { onlyIds: ids } : q.checkedIn === false ? { exceptIds: ids } : {};
    const page = await this.registrations.list(sessionId, q, reveal, restrict);
    return {
      ...page,
      items: page.items.map((r) => ({ ...r, checkedInAt: checkIns.get(r.id)?.toISOString() ?? null })),
    };
  }

  async xlsx(user: AuthUser, sessionId: number, lang: 'zh-CN' | 'en'): Promise<{ file: Buffer; name: string }> {
    const reveal = await this.authorize(user, sessionId);
    const session = await this.sessions.getSession(sessionId);
    const [rows, checkIns, activityTitle] = await Promise.all([
      this.registrations.listAll(sessionId),
      this.checkIns(sessionId),
      this.catalog.activityTitle(session.activityId),
    ]);
    const file = await rosterXlsx(
      `${activityTitle} · ${session.title}`,
      rows.map((r) => ({
        id: r.id,
        category: r.category,
        name: r.name,
        unitName: unitNameOf(r),
        uscc: typeof r.profile?.uscc === 'string' ? r.profile.uscc : null,
        phone: reveal ? r.phone : maskPhone(r.phone),
        idNumber: reveal ? r.idNumber : maskIdNumber(r.idNumber),
        status: r.status,
        checkedInAt: checkIns.get(r.id) ?? null,
      })),
      lang,
    );
    // a read, but one that takes personal data out of the system: it is on the record
    await this.audit.record({
      actor: user,
      action: 'registration.export',
      entity: 'session',
      entityId: String(sessionId),
    });
    return { file, name: `session-${sessionId}-check-in-list.xlsx` };
  }

  private async authorize(user: AuthUser, sessionId: number): Promise<boolean> {
    const session = await this.sessions.getSession(sessionId);
    await this.access.assertCanManageActivity(user, session.activityId);
    return this.access.canSeePersonalData(user, session.activityId);
  }

  private async checkIns(sessionId: number): Promise<Map<number, Date>> {
    const rows = await this.db.getRepository(CheckInEntity).find({
      where: { sessionId },
      select: { registrationId: true, checkedInAt: true },
    });
    return new Map(rows.map((r) => [r.registrationId, r.checkedInAt]));
  }
}
