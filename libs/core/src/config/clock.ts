import { Injectable } from '@nestjs/common';

/** The one source of "now" for rules that judge time (check-in windows, progress pace); tests replace `now`. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
