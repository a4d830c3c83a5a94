import type { Migration } from '../migration';
import { foundation } from './001-foundation';

/** Every schema version in order. Append only; never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [foundation];
