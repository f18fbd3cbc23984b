import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The one inline script the built web app has: Angular's critical-CSS loader,
 * `<link … media="print" onload="this.media='all'">`. Allowed by its hash, not by 'unsafe-inline'.
 */
const CRITICAL_CSS_ONLOAD = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * The Content-Security-Policy of every response (the web app, Swagger UI at /api/docs and the
 * API's JSON): scripts only from this origin, styles from it plus inline (Angular's component
 * styles and the charts' style attributes), images also as data: URIs (Swagger UI's icons),
 * connections to this origin (REST and the /ws socket), never framed. The same policy is in
 * docker/nginx.conf.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'unsafe-hashes'", CRITICAL_CSS_ONLOAD],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
};

/** HSTS for requests that came over https (directly, or through a proxy TRUST_PROXY trusts). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response: CSP, nosniff, X-Frame-Options DENY, Referrer-Policy
 * no-referrer (links carry one-time tokens), and HSTS only over https — sent over plain http it
 * would lock a local install out of itself.
 */
export function securityHeaders(): RequestHandler[] {
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      strictTransportSecurity: false,
    }),
    (req, res, next) => {
      if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
      next();
    },
  ];
}
