import { CONTENT_SECURITY_POLICY } from '@app/common';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('docker/nginx.conf', () => {
  const conf = fs.readFileSync(path.join(__dirname, '..', '..', 'docker', 'nginx.conf'), 'utf8');
  const header = (name: string) =>
    new RegExp(`add_header ${name} "([^"]*)" always;`).exec(conf)?.[1];

  it('sends the same Content-Security-Policy as the API', () => {
    const policy = Object.entries(CONTENT_SECURITY_POLICY)
      .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
      .join('; ');
    expect(header('Content-Security-Policy')).toBe(policy);
  });

  it('sends nosniff, DENY and no-referrer, and HSTS only as a commented https line', () => {
    expect(header('X-Content-Type-Options')).toBe('nosniff');
    expect(header('X-Frame-Options')).toBe('DENY');
    expect(header('Referrer-Policy')).toBe('no-referrer');
    expect(conf).toMatch(/^\s*# add_header Strict-Transport-Security/m);
  });
});
