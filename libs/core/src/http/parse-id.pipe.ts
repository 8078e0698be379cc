import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { invalidField } from '../errors/app-error';

/** Route ids are positive integers; anything else is a 400 naming the parameter. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string, metadata: ArgumentMetadata): number {
    if (!/^[1-9]\d{0,15}$/.test(value)) throw invalidField(metadata.data ?? 'id', 'must be a positive integer');
    return Number(value);
  }
}
