import { OutcomeTallyEntity } from './outcome-tally.entity';
import { OutcomeEntity } from './outcome.entity';

export * from './outcome-tally.entity';
export * from './outcome.entity';
export const OUTCOME_ENTITIES = [OutcomeEntity, OutcomeTallyEntity];
