export * from './entities';
export * from './attendance.module';
export * from './attendance.service';
export * from './attendance.views';
export * from './check-in.service';
export * from './check-in.dto';
export { AttendanceSchema1764000004000 } from './migrations/1764000004000-attendance-schema';
export { CheckedInRegistrations1764000020100 } from './migrations/1764000020100-checked-in-registrations';
export * from './attendance.checks';
