import { Module } from '@nestjs/common';
import { AttendanceModule } from '@app/attendance';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { OutcomesModule } from '@app/outcomes';
import { RegistrationModule } from '@app/registration';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Progress reports and plan-vs-actual for every target, unit and series. */
@Module({
  imports: [CatalogModule, IdentityModule, RegistrationModule, AttendanceModule, OutcomesModule],
  controllers: [ReportsController, ProgressController],
  providers: [ProgressService, ReportsService],
  exports: [ProgressService, ReportsService],
})
export class ProgressModule {}
