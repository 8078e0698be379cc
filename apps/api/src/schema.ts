import { SchemaParts } from '@app/core';
import { CATALOG_ENTITIES, CatalogSchema1764000000000 } from '@app/catalog';

/**
 * Every module's entities and migrations, in dependency order. The apps own this list
 * because they sit above all libs.
 */
export const SCHEMA: SchemaParts = {
  entities: [...CATALOG_ENTITIES],
  migrations: [CatalogSchema1764000000000],
};
