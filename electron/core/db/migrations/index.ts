import type { Migration } from '../migration';
import { foundation } from './001-foundation';
import { library } from './002-library';
import { rounds } from './003-rounds';
import { reviews } from './004-reviews';
import { libraryLookups } from './005-library-lookups';
import { largeLibraryLookups } from './006-large-library-lookups';
import { fingerprintHash } from './007-fingerprint-hash';
import { folderStates } from './008-folder-states';

/** Every schema version in order. Append only; never edit a migration that has shipped. */
export const MIGRATIONS: readonly Migration[] = [foundation, library, rounds, reviews, libraryLookups, largeLibraryLookups, fingerprintHash, folderStates];
