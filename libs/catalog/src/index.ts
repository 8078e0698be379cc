export * from './entities';
export * from './catalog.module';
export * from './catalog.service';
export * from './catalog.views';
export * from './activity-sessions.port';
export * from './plan-importer.service';
export * from './plan-file/plan-file.types';
export { CatalogSchema1764000000000 } from './migrations/1764000000000-catalog-schema';
export * from './catalog.responses';
