// The web app's end-to-end checks, run by scripts/test.js as their own step:
//   - api-client.spec.ts: the committed generated client matches openapi/openapi.json;
//   - *.browser-spec.ts: the real app in standalone mode, driven in Debian's Chromium.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('../../tsconfig.json');

const root = path.join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  displayName: 'web',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/test/browser/**/*.spec.ts', '<rootDir>/test/browser/**/*.browser-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.json') }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFilesAfterEnv: ['<rootDir>/test/browser/support/timeouts.ts'],
  // One app and one Chromium at a time: a 2-core machine runs them faster in sequence.
  maxWorkers: 1,
};
