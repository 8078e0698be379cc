import { FindOptionsOrder, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/**
 * Query strings are strings; this is the one explicit conversion for paging numbers. Past 15
 * digits a number is no longer exact, so such text stays text and fails `@IsInt` with a 400.
 */
export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value;

/** The largest page a list serves: further is past any table this service keeps. */
export const MAX_PAGE = 1_000_000;

export class PageQuery {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of a repository query, in the contract's list shape. */
export async function findPage<E extends ObjectLiteral, V>(
  repo: Repository<E>,
  where: FindOptionsWhere<E>,
  q: PageQuery,
  order: FindOptionsOrder<E>,
  view: (rows: E[]) => V[] | Promise<V[]>,
): Promise<Page<V>> {
  const [rows, total] = await repo.findAndCount({ where, order, skip: (q.page - 1) * q.pageSize, take: q.pageSize });
  return { items: await view(rows), total, page: q.page, pageSize: q.pageSize };
}
