import { Global, Module } from '@nestjs/common';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { activitySessionsProvider } from './activity-sessions.provider';
import { MyActivitiesController } from './my-activities.controller';
import { MyActivitiesService } from './my-activities.service';
import { ParticipantsService } from './participants.service';
import { RegistrationBatch } from './group-commit/registration-batch';
import { RegistrationNotifier } from './registration.notifier';
import { RegistrationStats } from './registration.stats';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsService } from './registrations.service';
import { ReminderScheduler } from './reminder.scheduler';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';
import { Waitlist } from './waitlist';

/**
 * Sessions, quotas, registrations and the waitlist. Global only so that the catalog's
 * activity view can reach the ACTIVITY_SESSIONS port it declares.
 */
@Global()
@Module({
  // NotificationsModule is global (forRoot in the app): its outbox joins our transactions
  imports: [CatalogModule, IdentityModule],
  controllers: [SessionsController, RegistrationsController, MyActivitiesController],
  providers: [
    SessionsService,
    RegistrationsService,
    ParticipantsService,
    RegistrationBatch,
    RegistrationNotifier,
    RegistrationStats,
    ReminderScheduler,
    Waitlist,
    MyActivitiesService,
    activitySessionsProvider,
  ],
  exports: [SessionsService, RegistrationsService, RegistrationStats, activitySessionsProvider.provide],
})
export class RegistrationModule {}
