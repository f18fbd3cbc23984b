import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import type { Response } from 'express';
import { map, Observable } from 'rxjs';

/** What an upsert answers: the body, and whether it created (201) or replaced (200). */
export interface Upserted<T> {
  created: boolean;
  body: T;
}

/** Sends an `Upserted`'s body with 201 when it created and 200 when it replaced. */
@Injectable()
class UpsertStatusInterceptor<T> implements NestInterceptor<Upserted<T>, T> {
  intercept(context: ExecutionContext, next: CallHandler<Upserted<T>>): Observable<T> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map(({ created, body }) => {
        response.status(created ? HttpStatus.CREATED : HttpStatus.OK);
        return body;
      }),
    );
  }
}

/** On a route whose handler returns `Upserted<T>`: 201 for created, 200 for replaced. */
export const UpsertStatus = () => applyDecorators(UseInterceptors(UpsertStatusInterceptor));
