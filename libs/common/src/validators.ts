import { isValidLocalDate } from '@app/domain';
import { Injectable, PipeTransform } from '@nestjs/common';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { AppError } from './app-error';

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a real date in the form YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isValidLocalDate(value) },
    });
}

/** Exactly one emoji (a family, a skin tone or a flag counts as one); built at run time for the `v` flag. */
const ONE_EMOJI = new RegExp('^(?:\\p{RGI_Emoji}|\\p{Extended_Pictographic}\\uFE0F?)$', 'v');

/** One emoji, as a habit's icon. */
export function IsEmoji(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isEmoji',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be one emoji', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ONE_EMOJI.test(value),
      },
    });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids: a malformed one is a 400 INVALID_ID, never a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !UUID.test(value)) {
      throw AppError.badRequest('INVALID_ID', 'The id in the path is not a valid UUID.');
    }
    return value.toLowerCase();
  }
}
