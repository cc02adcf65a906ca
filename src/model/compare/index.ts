/** Comparing two maps (journey states, versions): see compare.ts. */
export { compareMaps } from './compare';
export { compareChannelCosts, contactChannel } from './channel-cost';
export * from './types';
