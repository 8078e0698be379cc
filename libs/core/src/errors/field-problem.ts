import { ErrorCode } from './error-codes';

/** One field's problem in an error's `details`. */
export interface FieldProblem {
  field: string;
  /** English text; translated when rendered (by `key`, else by the text itself) */
  reason: string;
  /** a specific code for this problem, e.g. `invalid_uscc`; the first one becomes the error's code */
  code?: ErrorCode;
  /** translation key under `reasons.` (class-validator constraints, date-time …) */
  key?: string;
  params?: Record<string, unknown>;
}
