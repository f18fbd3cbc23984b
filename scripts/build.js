#!/usr/bin/env node
// Builds the server (and, once it exists, the web app) when the output is missing or older than
// its sources, so `npm start` is quick on an unchanged checkout. `--force` always builds.
const { execFileSync } = require('node:child_process');
const { precompress } = require('./precompress');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (['node_modules', 'dist', '.angular'].includes(path.basename(p))) return;
      for (const child of fs.readdirSync(p)) visit(path.join(p, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  entries.forEach((e) => visit(path.join(root, e)));
  return newest;
}

function stampTime(stamp) {
  return fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : -1;
}

function buildIfStale(name, sources, stamp, command, args, force, after = () => undefined) {
  const stampFile = path.join(root, 'dist', stamp);
  if (!force && stampTime(stampFile) >= newestMtime(sources)) return false;
  console.log(`Building ${name}…`);
  const started = Date.now();
  execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  after();
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, new Date().toISOString());
  console.log(`Built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Builds the server and the web app; `web: false` builds only the server (the bench needs no web app). */
function build({ force = false, web = true } = {}) {
  buildIfStale(
    'the server',
    [
      'apps/api/src',
      'apps/worker/src',
      'libs',
      'ormconfig.ts',
      'tsconfig.json',
      'tsconfig.build.json',
      'nest-cli.json',
      'package-lock.json',
    ],
    '.server-build',
    bin('nest'),
    ['build', 'api'],
    force,
  );
  const webProject = path.join(root, 'apps', 'web');
  if (web && fs.existsSync(path.join(webProject, 'src'))) {
    buildIfStale(
      'the web app',
      ['apps/web', 'libs/contracts', 'libs/api-client', 'angular.json', 'package-lock.json'],
      '.web-build',
      bin('ng'),
      ['build', 'web', '--configuration', 'production'],
      force,
      () => {
        const t = precompress(path.join(root, 'dist', 'web', 'browser'));
        console.log(
          `Compressed ${t.files} files of the web app: ${Math.round(t.bytes / 1024)} kB → ` +
            `${Math.round(t.brotliBytes / 1024)} kB (brotli), ${Math.round(t.gzipBytes / 1024)} kB (gzip)`,
        );
      },
    );
  }
}

module.exports = { build };

if (require.main === module) {
  build({ force: process.argv.includes('--force') });
}
