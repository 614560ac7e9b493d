/**
 * `@pacer/domain/vocabulary`: the labels, closed vocabularies, money formatting, periods and
 * grades, without the zod schemas. The web's first screens import this so they do not carry
 * zod; everything here is also exported from the package's main entry.
 */
export * from './vocabulary.ts';
export * from './money.ts';
export * from './permissions.ts';
export * from './periods.ts';
export * from './calendar.ts';
export * from './figures/grades.ts';
