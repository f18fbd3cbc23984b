export * from './app-logger';
export * from './log-context';
export * from './request-logging';
export * from './route-of';
