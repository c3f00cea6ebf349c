// Messages of the trade commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const tradeMessages = {} satisfies Catalogue;
