import { Module } from '@nestjs/common';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CheckInController } from './check-in.controller';
import { CheckInService } from './check-in.service';
import { QrController } from './qr.controller';
import { RosterController } from './roster.controller';
import { RosterService } from './roster.service';

/** Check-in (code, staff, walk-in), QR images, attendance views and the tallies progress reads. */
@Module({
  imports: [CatalogModule, IdentityModule, RegistrationModule],
  controllers: [CheckInController, AttendanceController, QrController, RosterController],
  providers: [CheckInService, AttendanceService, RosterService],
  exports: [AttendanceService],
})
export class AttendanceModule {}
