#!/usr/bin/env node
// `npm start`: build what is missing or stale, then run the API in this process (standalone
// mode unless DATABASE_URL is set). See README.md for the configuration.
const path = require('node:path');
const { build } = require('./build');

try {
  build();
} catch (error) {
  console.error(`habit-tracker: the build failed (${error.message})`);
  process.exit(1);
}
require(path.join(__dirname, '..', 'dist', 'apps', 'api', 'src', 'main.js'));
