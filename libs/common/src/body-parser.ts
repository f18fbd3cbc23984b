import type { ErrorRequestHandler, RequestHandler } from 'express';
import express from 'express';
import { errorBody } from './error-body';

export const BODY_LIMIT = '100kb';

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
