import { Module } from '@nestjs/common';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { OutcomesModule } from '@app/outcomes';
import { RegistrationModule } from '@app/registration';
import { AgendaService } from './agenda.service';
import { IntentRecorder } from './intent.recorder';
import { MatchmakingOrganizerController } from './matchmaking-organizer.controller';
import { MatchmakingParticipantController } from './matchmaking-participant.controller';
import { MatrixService } from './matrix.service';
import { MeetingsService } from './meetings.service';
import { ParticipantAccess } from './participant-access';
import { ProfilesService } from './profiles.service';
import { ScheduleService } from './schedule.service';
import { MatchmakingSettingsService } from './settings.service';

/** Matchmaking at 泉博会 and the 对接会: profiles, suggestions, 1:1 meetings, the schedule, results → outcomes. */
@Module({
  // NotificationsModule is global (forRoot in the app): its outbox joins our transactions
  imports: [CatalogModule, IdentityModule, RegistrationModule, OutcomesModule],
  controllers: [MatchmakingOrganizerController, MatchmakingParticipantController],
  providers: [
    MatchmakingSettingsService,
    ParticipantAccess,
    ProfilesService,
    MeetingsService,
    IntentRecorder,
    ScheduleService,
    AgendaService,
    MatrixService,
  ],
})
export class MatchmakingModule {}
