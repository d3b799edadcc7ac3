/**
 * The oracle for the compute group's patterns, written from AWS's documentation of each action (the
 * Service Authorization Reference and the service's API reference), never from the stdlib.
 */
import type { CellsOf } from '../oracle-kit.js';

/** Names a user might write per pattern (`verb service type`), globs included. */
export const COMPUTE_NAMES: Record<string, readonly string[]> = {};

export const COMPUTE_CELLS: Record<string, CellsOf> = {};
