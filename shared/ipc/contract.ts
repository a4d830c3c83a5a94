import type { z } from 'zod';
import { appContract } from './app';
import { calibrationContract } from './calibration';
import { dialogContract } from './dialog';
import { libraryContract } from './library';
import { reportsContract } from './reports';
import { reviewsContract } from './reviews';
import { roundsContract } from './rounds';

/**
 * The one typed map of IPC channels. Main validates every payload against `input` before the core sees it; the
 * preload exposes exactly these names; the renderer's client is typed from it. Add a feature's channels by
 * spreading its own contract file here.
 */
export const contract = {
  ...appContract,
  ...calibrationContract,
  ...dialogContract,
  ...libraryContract,
  ...reportsContract,
  ...reviewsContract,
  ...roundsContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
