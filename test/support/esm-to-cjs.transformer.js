// NestJS 12 ships as ES modules only. Node 20 loads them from our CommonJS build through
// require(esm), but Jest's module runtime can do that only on Node >= 24.9; so inside Jest the
// ESM-only packages are transpiled to CommonJS (cached by Jest like any transform).
const crypto = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  allowJs: true,
  sourceMap: false,
  inlineSourceMap: false,
};

module.exports = {
  process(source, filename) {
    const code = source
      // CommonJS already has `require`; a top-level `const require = createRequire(...)` would clash.
      .replace(/^const require\s*=\s*createRequire\(import\.meta\.url\);?$/gm, '')
      .replace(/\bimport\.meta\.url\b/g, "require('node:url').pathToFileURL(__filename).href");
    return { code: ts.transpileModule(code, { compilerOptions, fileName: filename }).outputText };
  },
  getCacheKey(source, filename) {
    return crypto
      .createHash('sha256')
      .update('esm-to-cjs-2')
      .update(ts.version)
      .update(filename)
      .update(source)
      .digest('hex');
  },
};
