import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, invalid } from './app-error';

/** Flattens class-validator's tree into `profile.uscc`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const reason of Object.values(error.constraints ?? {})) {
      problems.push({
        field,
        reason: reason.replace(/^property (\S+) /, '').replace(new RegExp(`^${error.property} `), ''),
      });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

/**
 * Nest's pipe turns a `@Param() id: number` of "1e3" into 1000 before any param pipe sees it;
 * primitives stay as sent, so ParseIdPipe and friends judge the client's own text.
 */
class StrictValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown): unknown {
    return value;
  }
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400), transforms into
 * DTO classes, and never converts types implicitly — "5" is not 5.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const first = details[0];
      return invalid(details, first ? `${first.field}: ${first.reason}` : 'Validation failed');
    },
  });
}
