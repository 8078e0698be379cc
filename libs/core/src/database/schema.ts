import { TableColumnOptions } from 'typeorm';

/**
 * Column helpers for migrations that run unchanged on MySQL and SQLite
 * (TypeORM's Table API maps these types on both engines).
 */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  int: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'integer',
    ...opts,
  }),
  bigint: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'bigint',
    ...opts,
  }),
  str: (name: string, length: number, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...opts,
  }),
  text: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'text', ...opts }),
  bool: (name: string, dflt = false): TableColumnOptions => ({ name, type: 'boolean', default: dflt ? 1 : 0 }),
  date: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({ name, type: 'date', ...opts }),
  datetime: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
    name,
    type: 'datetime',
    precision: 3,
    ...opts,
  }),
  /** set by the application, not by a DB default: SQLite has no CURRENT_TIMESTAMP(3) */
  createdAt: (): TableColumnOptions => ({ name: 'created_at', type: 'datetime', precision: 3 }),
};
