import express from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorBody } from '@app/common';

/** `name.hash.ext` (webpack) or `name-HASH.ext` (Angular's esbuild builder): never changes. */
const HASHED_NAME = /(?:\.[0-9a-zA-Z]{8,}|-[0-9A-Z]{8})\.(?:js|css|woff2?|png|svg)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
/** The copies `scripts/build.js` writes beside each compressible file, best first. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
const NOT_THE_APP = /^\/(api|ws)(\/|$)/;
/** Addresses of files (`/assets/…`, `/x.png`): a missing one is a 404, never the HTML page. */
const FILE_LIKE = /^\/assets(\/|$)|\.[A-Za-z0-9]+$/;

/** The regular file `urlPath` names inside `root`, or null (outside it, missing, a folder). */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.join(root, decoded);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Sends `file`, or its precompressed copy when the browser accepts that encoding: compression
 * costs nothing per request (the build did it once, at the highest level).
 */
function sendFile(
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
  file: string,
): void {
  res.setHeader('Cache-Control', HASHED_NAME.test(file) ? IMMUTABLE : REVALIDATE);
  let sent = file;
  const variants = ENCODINGS.filter(({ suffix }) => fs.existsSync(file + suffix));
  if (variants.length > 0) {
    res.vary('Accept-Encoding');
    const chosen = variants.find(({ encoding }) => req.acceptsEncodings(encoding) === encoding);
    if (chosen) {
      res.type(path.extname(file));
      res.setHeader('Content-Encoding', chosen.encoding);
      sent = file + chosen.suffix;
    }
  }
  res.sendFile(sent, { cacheControl: false, dotfiles: 'deny' }, (error?: Error) => {
    if (error && !res.headersSent) next();
  });
}

/**
 * Serves the built web app at `/`: its files (hashed ones cached for a year, the rest
 * revalidated), and `index.html` for every other page address (deep links), never for `/api`
 * or `/ws`. Compressed copies are served only through content negotiation, never by their names.
 */
export function webApp(webDistDir: string): express.RequestHandler {
  const root = path.resolve(webDistDir);
  const index = path.join(root, 'index.html');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (NOT_THE_APP.test(req.path)) return next();
    const file = /\.(br|gz)$/.test(req.path) ? null : fileFor(root, req.path);
    if (file) return sendFile(req, res, next, file);
    if (FILE_LIKE.test(req.path)) {
      res.status(404).json(errorBody(404, 'NOT_FOUND', 'No such file.'));
      return;
    }
    if (!req.accepts('html')) return next();
    sendFile(req, res, next, index);
  };
}

/** Whether `webDistDir` holds a built web app to serve. */
export function hasWebApp(webDistDir: string | null): webDistDir is string {
  return webDistDir !== null && fs.existsSync(path.join(webDistDir, 'index.html'));
}
