import type { Command } from '../command';
import { agreement } from './agreement';
import { incidentsList, incidentsMerge, incidentsSplit } from './incidents';
import { indexCommand } from './indexCmd';
import { logExport, logVerify } from './log';
import { report } from './report';
import { sampleCreate, sampleList, sampleShow, sampleSize, sampleVerify } from './sample';
import { scoresExport, scoresImport } from './scores';
import { usersAdd, usersList } from './users';

/** Every command of `bwc-dip`. Feature commands add themselves here. */
export const COMMANDS: Command[] = [logVerify, logExport, usersList, usersAdd, scoresImport, scoresExport, agreement, indexCommand, incidentsList, incidentsMerge, incidentsSplit, report, sampleSize, sampleCreate, sampleShow, sampleVerify, sampleList];
