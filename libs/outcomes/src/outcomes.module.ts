import { Module } from '@nestjs/common';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { RegistrationModule } from '@app/registration';
import { OutcomeImportService } from './import/outcome-import.service';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/** Outcome records, their bulk import and the tallies progress reads. */
@Module({
  imports: [CatalogModule, IdentityModule, RegistrationModule],
  controllers: [OutcomesController],
  providers: [OutcomesService, OutcomeImportService],
  exports: [OutcomesService],
})
export class OutcomesModule {}
