import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalid } from '../errors/app-error';

/** Ids are INT columns: nothing above this exists. */
export const MAX_ID = 2_147_483_647;

/** Route ids are positive integers; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID) {
      const field = metadata.data ?? 'id';
      throw invalid(
        [{ field, reason: 'must be a positive integer', key: 'positiveInteger', params: { max: MAX_ID } }],
        `${field}: must be a positive integer`,
      );
    }
    return Number(value);
  }
}
