// Messages of the privacy commands (see messages.ts).
import type { Catalogue } from '../messages.js';

export const privacyMessages = {} satisfies Catalogue;
