export * from './events';
export * from './snapshots';
