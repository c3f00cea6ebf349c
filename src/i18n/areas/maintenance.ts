// Messages of backup, restore, doctor and the database's own safety (see messages.ts).
import type { Catalogue } from '../messages.js';

export const maintenanceMessages = {
} satisfies Catalogue;
