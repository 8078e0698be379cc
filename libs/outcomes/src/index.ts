export * from './entities';
export * from './outcomes.module';
export * from './outcomes.service';
export * from './outcome.dto';
export * from './outcome.views';
export * from './import/outcome-import.service';
export { OutcomesSchema1764000005000 } from './migrations/1764000005000-outcomes-schema';
export * from './outcome.responses';
