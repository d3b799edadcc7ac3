/**
 * The oracle for the data group's patterns, written from AWS's documentation of each action (the
 * Service Authorization Reference and the service's API reference), never from the stdlib.
 */
import type { CellsOf } from '../oracle-kit.js';

/** Names a user might write per pattern (`verb service type`), globs included. */
export const DATA_NAMES: Record<string, readonly string[]> = {};

export const DATA_CELLS: Record<string, CellsOf> = {};
