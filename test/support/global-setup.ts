// globalSetup runs outside Jest's module mapper: resolve the @app/* aliases from tsconfig.
import { register } from 'tsconfig-paths';
import { compilerOptions } from '../../tsconfig.json';

register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB !== 'postgres') {
    const { createPgliteTemplate } = await import('./pglite-template');
    process.env.PGLITE_TEMPLATE_DIR = await createPgliteTemplate();
  }
}
