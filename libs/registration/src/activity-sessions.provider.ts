import { ACTIVITY_SESSIONS, ActivitySessionsReader } from '@app/catalog';
import { SessionsService } from './sessions.service';

/** Lets the catalog list an activity's sessions, and identity check session ids, without depending on this module. */
export const activitySessionsProvider = {
  provide: ACTIVITY_SESSIONS,
  useFactory: (sessions: SessionsService): ActivitySessionsReader => ({
    sessionsOf: (activityId) => sessions.listForActivity(activityId),
    existingSessionIds: (ids) => sessions.existingIds(ids),
  }),
  inject: [SessionsService],
};
