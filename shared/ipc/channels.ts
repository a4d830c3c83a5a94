import { contract } from './contract';
import { eventContract } from './events';

/**
 * Names only, so the sandboxed preload can bundle the list without zod schemas. The API the preload builds from
 * these is exactly the contract, no more.
 */
export const CHANNELS = Object.keys(contract) as (keyof typeof contract)[];
export const EVENTS = Object.keys(eventContract) as (keyof typeof eventContract)[];
export const IPC_PREFIX = 'bwc:';
export const EVENT_CHANNEL = 'bwc-event';
