export * from './events';
export * from './snapshots';
export * from './realtime';
export * from './jobs';
export * from './imports';
