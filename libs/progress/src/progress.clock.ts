import { Injectable } from '@nestjs/common';

/** The time progress is judged at; tests replace `now` to fix it. */
@Injectable()
export class ProgressClock {
  now(): Date {
    return new Date();
  }
}
