import { Injectable } from '@nestjs/common';

/** The time the check-in window is judged by; tests replace `now`. */
@Injectable()
export class AttendanceClock {
  now(): Date {
    return new Date();
  }
}
