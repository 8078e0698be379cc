import { AttendanceTallyEntity } from './attendance-tally.entity';
import { CheckInEntity } from './check-in.entity';

export * from './attendance-tally.entity';
export * from './check-in.entity';
export const ATTENDANCE_ENTITIES = [CheckInEntity, AttendanceTallyEntity];
