import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, ValidationOptions } from 'class-validator';
import { MAX_ID } from '../http/parse-id.pipe';

/** A row id in a body: a positive integer an INT column can hold (1e300 is an integer too). */
export const IsId = (options?: ValidationOptions): PropertyDecorator =>
  applyDecorators(IsInt(options), Min(1, options), Max(MAX_ID, options));
