import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { PlanImporter } from './plan-importer.service';

@Module({
  controllers: [CatalogController],
  providers: [CatalogService, PlanImporter],
  exports: [CatalogService, PlanImporter],
})
export class CatalogModule {}
