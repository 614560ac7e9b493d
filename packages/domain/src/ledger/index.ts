/** Reading offices' Excel ledgers (台账): pure logic the server's importer builds on. */
export * from './text.ts';
export * from './amount.ts';
export * from './dates.ts';
export * from './period.ts';
export * from './fields.ts';
export * from './vocab.ts';
export * from './rows.ts';
export * from './names.ts';
export * from './table.ts';
export * from './mapping.ts';
export * from './kind.ts';
export * from './record.ts';
export * from './api.ts';
