export * from './entities';
export * from './attendance.module';
export * from './attendance.service';
export * from './attendance.views';
export * from './check-in.service';
export * from './check-in.dto';
export { AttendanceSchema1764000004000 } from './migrations/1764000004000-attendance-schema';
export * from './attendance.responses';
