// Messages of the contracts commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const contractsMessages = {} satisfies Catalogue;
