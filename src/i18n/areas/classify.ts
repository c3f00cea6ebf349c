// Messages of the classify commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const classifyMessages = {} satisfies Catalogue;
