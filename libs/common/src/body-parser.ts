import type { ErrorRequestHandler, RequestHandler } from 'express';
import express from 'express';
import { errorBody } from './error-body';

export const BODY_LIMIT = '100kb';
/** Deepest nesting of arrays and objects a body may have. */
export const MAX_BODY_DEPTH = 32;
/** Most items one array of a body may hold (the largest list a DTO takes is 500). */
export const MAX_BODY_ARRAY_ITEMS = 1000;

/**
 * Walks a parsed body without recursion (a 4 kB body can nest 2,000 levels, which overflows
 * class-transformer's recursive copy): the deepest nesting, the longest array, and any U+0000
 * in a string or key (valid JSON that PostgreSQL text cannot store). Stops at the first problem.
 */
export function bodyShapeProblem(
  body: unknown,
): 'too_deep' | 'array_too_long' | 'nul_character' | null {
  const stack: [unknown, number][] = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string' && value.includes('\u0000')) return 'nul_character';
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return 'too_deep';
    if (Array.isArray(value)) {
      if (value.length > MAX_BODY_ARRAY_ITEMS) return 'array_too_long';
      for (const item of value) stack.push([item, depth + 1]);
    } else {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) return 'nul_character';
        stack.push([item, depth + 1]);
      }
    }
  }
  return null;
}

/**
 * Refuses bodies nested too deeply or holding a NUL character (400) or with too long an array
 * (413), before validation.
 */
export const bodyShapeLimits: RequestHandler = (req, res, next) => {
  const problem = bodyShapeProblem(req.body);
  if (problem === 'too_deep') {
    res
      .status(400)
      .json(
        errorBody(
          400,
          'BODY_TOO_DEEP',
          `The request body nests arrays and objects deeper than ${MAX_BODY_DEPTH} levels.`,
        ),
      );
  } else if (problem === 'nul_character') {
    res
      .status(400)
      .json(
        errorBody(
          400,
          'INVALID_CHARACTER',
          'The request body contains a NUL character (U+0000), which cannot be stored.',
        ),
      );
  } else if (problem === 'array_too_long') {
    res
      .status(413)
      .json(
        errorBody(
          413,
          'ARRAY_TOO_LONG',
          `An array in the request body has more than ${MAX_BODY_ARRAY_ITEMS} items.`,
        ),
      );
  } else {
    next();
  }
};

/** JSON bodies up to 100 kB; anything larger is refused before it is read in full. */
export function jsonBodyParser(): RequestHandler {
  return express.json({ limit: BODY_LIMIT, strict: true });
}

/** Body-parser failures answer in the API's error shape: 400 malformed, 413 too large. */
export const bodyParserErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.parse.failed') {
    res.status(400).json(errorBody(400, 'MALFORMED_JSON', 'The request body is not valid JSON.'));
  } else if (type === 'entity.too.large') {
    res
      .status(413)
      .json(errorBody(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 100 kB.'));
  } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    res
      .status(415)
      .json(
        errorBody(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body encoding is not supported.'),
      );
  } else if (
    type === 'request.aborted' ||
    type === 'request.size.invalid' ||
    type === 'stream.encoding.set'
  ) {
    res.status(400).json(errorBody(400, 'BAD_REQUEST', 'The request body could not be read.'));
  } else {
    next(error);
  }
};
