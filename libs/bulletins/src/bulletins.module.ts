import { Module } from '@nestjs/common';
import { CatalogModule } from '@app/catalog';
import { IdentityModule } from '@app/identity';
import { ProgressModule } from '@app/progress';
import { BulletinTimer } from './bulletin.timer';
import { BulletinWorker } from './bulletin.worker';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';

/** The API side: issue, list, view and download bulletins; the in-process timer in embedded mode. */
@Module({
  imports: [CatalogModule, IdentityModule, ProgressModule],
  controllers: [BulletinsController],
  providers: [BulletinsService, BulletinTimer],
  exports: [BulletinsService],
})
export class BulletinsModule {}

/** The worker side: the BullMQ job scheduler and its consumer. */
@Module({
  imports: [CatalogModule, IdentityModule, ProgressModule],
  providers: [BulletinsService, BulletinWorker],
})
export class BulletinsWorkerModule {}
