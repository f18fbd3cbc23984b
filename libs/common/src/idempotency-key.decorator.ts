import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/**
 * The request's `Idempotency-Key` header (undefined without one; the service checks its form).
 * A decorator of its own, so the OpenAPI document names the header once, as optional.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>().headers[
      'idempotency-key'
    ];
    return typeof value === 'string' ? value : undefined;
  },
);

/** Documents the optional `Idempotency-Key` header on a write. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any 1–200 visible ASCII characters (e.g. a UUID): the same key within 24 h answers the first response again and writes nothing, in any API process.',
    }),
  );
