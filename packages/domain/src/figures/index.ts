export * from './timeProgress.ts';
export * from './completion.ts';
export * from './ranks.ts';
export * from './grades.ts';
export * from './board.ts';
export * from './threeColour.ts';
export * from './monthlyPlan.ts';
