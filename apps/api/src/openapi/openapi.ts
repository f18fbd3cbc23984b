import { errorBody } from '@app/common';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const errorSchema = {
  type: 'object',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: {
      type: 'string',
      example: 'VALIDATION_FAILED',
      description: 'Stable SCREAMING_SNAKE identifier.',
    },
    message: { type: 'string', example: 'The request has invalid fields.' },
    details: {
      type: 'object',
      properties: {
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'message'],
            properties: {
              path: { type: 'string', example: 'email' },
              code: {
                type: 'string',
                example: 'IS_EMAIL',
                description:
                  'The broken rule, SCREAMING_SNAKE: a validator (IS_EMAIL, MAX_LENGTH, UNKNOWN_FIELD, …) or a domain code.',
              },
              message: { type: 'string' },
            },
          },
        },
      },
    },
  },
};

const descriptions: Record<string, string> = {
  '400': 'Malformed input or id (VALIDATION_FAILED, MALFORMED_JSON, …).',
  '401': 'Not authenticated.',
  '404': 'Unknown object, or another user’s.',
  '409': 'Conflict (duplicate, or stale state).',
  '413': 'Body over 100 kB.',
  '422': 'A domain rule was broken.',
  '429': 'Rate limited.',
  '500': 'Unexpected error (no internals in the body).',
  '503':
    'DATABASE_UNAVAILABLE, or DATABASE_BUSY when another write of the user held it too long (Retry-After).',
};

/**
 * The OpenAPI document of the API, built from the compiled controllers (Swagger CLI plugin);
 * operation ids are the controller method names. Every operation lists its error responses in
 * the shared error schema: those it declares, plus 400/413 for bodies, 401 when secured, and
 * 500/503 everywhere.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Habit & Goal Tracker API')
    .setDescription(
      'Track habits and goals with honest streaks and scores. Authenticate with POST /api/auth/login, ' +
        'then use the access token as a Bearer token. Errors share one shape: ' +
        JSON.stringify(errorBody(400, 'VALIDATION_FAILED', 'The request has invalid fields.')),
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    operationIdFactory: (_controllerKey, methodKey) => methodKey,
  });
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas.ErrorResponse = errorSchema;

  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const operation = pathItem[method];
      if (!operation) continue;
      const codes = new Set(Object.keys(operation.responses ?? {}).filter((c) => Number(c) >= 400));
      if (['post', 'put', 'patch'].includes(method) && operation.requestBody) {
        codes.add('400');
        codes.add('413');
      }
      if (
        (operation.parameters ?? []).some((p) => 'in' in p && (p.in === 'path' || p.in === 'query'))
      )
        codes.add('400');
      if ((operation.security ?? document.security ?? []).length > 0) codes.add('401');
      codes.add('500');
      codes.add('503');
      operation.responses ??= {};
      for (const code of [...codes].sort()) {
        if ((operation.responses[code] as { content?: unknown } | undefined)?.content) continue; // declared its own body
        operation.responses[code] = {
          description:
            (operation.responses[code] as { description?: string } | undefined)?.description ||
            descriptions[code] ||
            'Error',
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } },
          },
        };
      }
    }
  }
  return document;
}

/** Operation ids that occur more than once (expected: none). */
export function duplicateOperationIds(document: OpenAPIObject): string[] {
  const seen = new Map<string, number>();
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const id = pathItem[method]?.operationId;
      if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
  }
  return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
}

/** Serves Swagger UI at /api/docs and the JSON at /api/docs-json. */
export function setupSwagger(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    swaggerOptions: { persistAuthorization: true },
    customSiteTitle: 'Habit & Goal Tracker API',
  });
}
