export * from './money.ts';
export * from './codes.ts';
export * from './vocabulary.ts';
export * from './permissions.ts';
export * from './project.ts';
export * from './query.ts';
export * from './figures/index.ts';
