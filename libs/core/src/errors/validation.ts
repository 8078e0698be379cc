import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { FieldProblem, invalid } from './app-error';

/** The arguments a decorator was given (`@Length(1, 200)` → [1, 200]), for the translated reason. */
function constraintParams(target: object | undefined, property: string, name: string): Record<string, unknown> {
  if (!target || typeof target !== 'object') return {};
  const metas = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name === name || m.type === name));
  const args: unknown[] = meta?.constraints ?? [];
  const params: Record<string, unknown> = {};
  args.forEach((arg, i) => {
    if (typeof arg === 'string' || typeof arg === 'number') params[`c${i}`] = arg;
  });
  if (name === 'isIn' && Array.isArray(args[0])) params.list = args[0].join(', ');
  return params;
}

/** `@Length(1)` has no upper bound: it reads as a minimum length. */
const reasonKey = (name: string, params: Record<string, unknown>) =>
  name === 'isLength' && params.c1 === undefined ? { key: 'minLength', params } : { key: name, params };

/** Flattens class-validator's tree into `profile.uscc`-style field paths, each reason translatable. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [name, text] of Object.entries(error.constraints ?? {})) {
      problems.push({
        field,
        reason: text.replace(/^property (\S+) /, '').replace(new RegExp(`^${escapeRegExp(error.property)} `), ''),
        ...reasonKey(name, constraintParams(error.target, error.property, name)),
      });
    }
    if (error.children?.length) problems.push(...flattenValidationErrors(error.children, field));
  }
  return problems;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `null` is never a value a request means: an optional field is left out, not sent as null.
 * Finds the nulls in declared fields of a validated DTO (and its nested DTOs), naming each.
 */
export function nullFields(value: unknown, parent = ''): FieldProblem[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nullFields(v, `${parent}[${i}]`));
  // plain objects are free-form (answers, details): only DTO instances have declared fields
  if (Object.getPrototypeOf(value) === Object.prototype) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const field = parent ? `${parent}.${key}` : key;
    if (v === null) return [{ field, reason: 'must not be null (leave the field out instead)', key: 'notNull' }];
    return nullFields(v, field);
  });
}

/**
 * Nest's pipe turns a `@Param() id: number` of "1e3" into 1000 before any param pipe sees it;
 * primitives stay as sent, so ParseIdPipe and friends judge the client's own text.
 */
class StrictValidationPipe extends ValidationPipe {
  protected override transformPrimitive(value: unknown): unknown {
    return value;
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    const nulls = nullFields(result);
    if (nulls.length) throw invalid(nulls, `${nulls[0]!.field}: ${nulls[0]!.reason}`);
    return result;
  }
}

/**
 * The global pipe: strips nothing silently (unknown fields are a 400), transforms into
 * DTO classes, never converts types implicitly — "5" is not 5 — and refuses null.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // the target is kept (never rendered) so reasons can name the decorator's arguments
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const first = details[0];
      return invalid(details, first ? `${first.field}: ${first.reason}` : 'Validation failed');
    },
  });
}
