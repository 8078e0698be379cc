import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

const pages = new Map<Type<unknown>, Type<unknown>>();

/**
 * The response class of a page of `item`s (`{ items, total, page, pageSize }`), named after it:
 * `PageOf(UserResponse)` is the schema `UserPageResponse`. One class per item class.
 */
export function PageOf<T>(item: Type<T>): Type<{ items: T[]; total: number; page: number; pageSize: number }> {
  const known = pages.get(item);
  if (known) return known as Type<{ items: T[]; total: number; page: number; pageSize: number }>;
  class PageResponse {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({ type: 'integer', minimum: 0, description: 'all matching rows, not only this page' }) total!: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) page!: number;
    @ApiProperty({ type: 'integer', minimum: 1 }) pageSize!: number;
  }
  Object.defineProperty(PageResponse, 'name', { value: `${item.name.replace(/Response$/, '')}PageResponse` });
  pages.set(item, PageResponse);
  return PageResponse;
}
