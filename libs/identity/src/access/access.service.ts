import { Injectable } from '@nestjs/common';
import { forbidden, unauthorized } from '@app/core';
import { CatalogService } from '@app/catalog';
import { AuthUser } from '../auth/auth-user';

const intersects = (a: readonly number[], b: readonly number[]): boolean => a.some((x) => b.includes(x));

/**
 * Unit scope: who may act on which activity. Organizers are staff of an activity's lead or
 * host units; an admin may do everything on every unit. Methods take the user as given by
 * `@CurrentUser()`; `undefined` (anonymous) is a 401 for the `assert*` methods.
 *
 * None of them checks that the activity exists: callers load it anyway and answer 404.
 */
@Injectable()
export class AccessService {
  constructor(private readonly catalog: CatalogService) {}

  /** True for an admin, or an organizer of one of the activity's lead or host units. */
  async canManageActivity(user: AuthUser | undefined, activityId: number): Promise<boolean> {
    if (!user) return false;
    if (user.role === 'admin') return true;
    if (user.role !== 'organizer' || user.unitIds.length === 0) return false;
    return intersects(user.unitIds, await this.catalog.activityUnitIds(activityId));
  }

  /** 403 unless {@link canManageActivity}: sessions, approvals, outcomes, attendance lists. */
  async assertCanManageActivity(user: AuthUser | undefined, activityId: number): Promise<void> {
    if (!user) throw unauthorized();
    if (!(await this.canManageActivity(user, activityId))) throw forbidden();
  }

  /**
   * 403 unless the user may check people in at `sessionId` of `activityId`: an admin, an
   * organizer of the activity, or check-in staff of one of its units or assigned to that session.
   */
  async assertCanCheckIn(user: AuthUser | undefined, at: { activityId: number; sessionId: number }): Promise<void> {
    if (!user) throw unauthorized();
    if (user.role === 'admin') return;
    if (user.role === 'checkin_staff' && user.sessionIds.includes(at.sessionId)) return;
    if (user.role === 'organizer' || user.role === 'checkin_staff') {
      if (user.unitIds.length && intersects(user.unitIds, await this.catalog.activityUnitIds(at.activityId))) return;
    }
    throw forbidden();
  }

  /** 403 unless an admin, or an organizer of one of the target's responsible units. */
  async assertCanReportFor(user: AuthUser | undefined, responsibleUnitIds: readonly number[]): Promise<void> {
    if (!user) throw unauthorized();
    if (user.role === 'admin') return;
    if (user.role === 'organizer' && intersects(user.unitIds, responsibleUnitIds)) return;
    throw forbidden();
  }

  /** Whether phone and ID numbers may be shown unmasked: an admin or an organizer of the activity. */
  canSeePersonalData(user: AuthUser | undefined, activityId: number): Promise<boolean> {
    return this.canManageActivity(user, activityId);
  }
}
