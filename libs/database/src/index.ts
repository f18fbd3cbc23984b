export * from './data-source-options';
export * from './database.module';
export * from './embedded-postgres';
export * from './entities';
export * from './migrate';
export { migrations } from './migrations';
export * from './query-rows';
export * from './query-counter';
