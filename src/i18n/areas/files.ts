// Messages of verification, staleness, archiving, assignment, kinds, referrals and groups (see messages.ts).
import type { Catalogue } from '../messages.js';

export const filesMessages = {
} satisfies Catalogue;
