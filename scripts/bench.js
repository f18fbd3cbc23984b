#!/usr/bin/env node
// `npm run bench [-- options]`: builds the server if it is stale, compiles bench/*.ts into
// dist/bench (a plain transpile: `npm run typecheck` checks the types) and runs the benchmark.
// See bench/README section in the repository README, or `npm run bench -- --help`.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');
const { build } = require('./build');

const root = path.join(__dirname, '..');
const sourceDir = path.join(root, 'bench');
const outDir = path.join(root, 'dist', 'bench');

function compileBench() {
  fs.mkdirSync(outDir, { recursive: true });
  for (const file of fs.readdirSync(sourceDir)) {
    if (!file.endsWith('.ts')) continue;
    const source = fs.readFileSync(path.join(sourceDir, file), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        isolatedModules: true,
      },
    });
    fs.writeFileSync(path.join(outDir, file.replace(/\.ts$/, '.js')), outputText);
  }
}

const args = process.argv.slice(2);
if (!args.includes('--help') && !args.includes('--list')) build({ web: false });
compileBench();
require(path.join(outDir, 'main.js'))
  .main(args)
  .then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
