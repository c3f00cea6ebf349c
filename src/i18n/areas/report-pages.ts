// Messages of the report pages (report --format html and csv) (see messages.ts).
import type { Catalogue } from '../messages.js';

export const reportPagesMessages = {
} satisfies Catalogue;
