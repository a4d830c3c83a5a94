import type { Channel } from '../../../shared/ipc/contract';
import { appHandlers } from './app';
import { calibrationHandlers } from './calibration';
import { internalLibraryHandlers, libraryHandlers } from './library';
import { reportsHandlers } from './reports';
import { reviewsHandlers } from './reviews';
import { roundsHandlers } from './rounds';
import type { Handlers, MainChannel } from './types';

/** Every channel of the contract has exactly one handler here; the type makes a missing one a compile error. */
export const handlers: Handlers<Exclude<Channel, MainChannel>> = {
  ...appHandlers,
  ...calibrationHandlers,
  ...libraryHandlers,
  ...internalLibraryHandlers,
  ...reportsHandlers,
  ...reviewsHandlers,
  ...roundsHandlers,
};
