import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from './app-error';

/** class-validator's constraint name (`isEmail`, `maxLength`) as a field code (`IS_EMAIL`). */
export function fieldCode(constraint: string): string {
  if (constraint === 'whitelistValidation') return 'UNKNOWN_FIELD';
  return constraint
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      path,
      code: fieldCode(constraint),
      // class-validator prefixes messages with the property; keep the sentence readable.
      message:
        message.startsWith('property ') && message.endsWith(' should not exist')
          ? 'is not a known field'
          : message,
    }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Unknown fields, wrong types and bad values are a 400 VALIDATION_FAILED listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => AppError.validation(flatten(errors)),
  });
}
