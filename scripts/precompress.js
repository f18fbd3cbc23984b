// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible file of the built
// web app, at the highest levels: the server sends them by content negotiation
// (apps/api/src/web-app.ts), so compression costs nothing per request.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.webmanifest',
  '.txt',
]);
/** Below this, the headers cost more than the bytes saved. */
const MIN_BYTES = 1024;

function filesUnder(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** Compresses the files of `dir`; returns { files, bytes, brotliBytes, gzipBytes }. */
function precompress(dir) {
  const totals = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.has(path.extname(file))) continue;
    const source = fs.readFileSync(file);
    if (source.length < MIN_BYTES) continue;
    const brotli = zlib.brotliCompressSync(source, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    });
    const gzip = zlib.gzipSync(source, { level: zlib.constants.Z_BEST_COMPRESSION });
    fs.writeFileSync(`${file}.br`, brotli);
    fs.writeFileSync(`${file}.gz`, gzip);
    totals.files += 1;
    totals.bytes += source.length;
    totals.brotliBytes += brotli.length;
    totals.gzipBytes += gzip.length;
  }
  return totals;
}

module.exports = { precompress };

if (require.main === module) {
  const dir = process.argv[2] || path.join(__dirname, '..', 'dist', 'web', 'browser');
  const t = precompress(dir);
  console.log(
    `Compressed ${t.files} files: ${(t.bytes / 1024).toFixed(0)} kB → ` +
      `${(t.brotliBytes / 1024).toFixed(0)} kB brotli, ${(t.gzipBytes / 1024).toFixed(0)} kB gzip`,
  );
}
