export * from './id-card';
export * from './mask';
export * from './normalize';
export * from './phone';
export * from './uscc';
