export * from './common';
export * from './policy';
export * from './decisions';
export * from './catalog';
export * from './settings';
export * from './auth';
export * from './api-clients';
export * from './incidents';
