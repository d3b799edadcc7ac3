/** Each group's oracle table, joined. A key in two groups is a mistake the laws report. */
import { APPS_CELLS, APPS_NAMES } from './apps.js';
import { COMPUTE_CELLS, COMPUTE_NAMES } from './compute.js';
import { DATA_CELLS, DATA_NAMES } from './data.js';
import { FORMS_CELLS, FORMS_NAMES } from './forms.js';
import type { CellsOf } from '../oracle-kit.js';

export const GROUP_NAMES: Readonly<Record<string, readonly string[]>> = { ...COMPUTE_NAMES, ...DATA_NAMES, ...APPS_NAMES, ...FORMS_NAMES };
export const GROUP_CELLS: Readonly<Record<string, CellsOf>> = { ...COMPUTE_CELLS, ...DATA_CELLS, ...APPS_CELLS, ...FORMS_CELLS };
