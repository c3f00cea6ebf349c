// Who may copy or replace the whole file: a backup holds every customer file (POLICY §6 forbids
// copying them otherwise), and a restore rewrites every record.
import type { Caller } from './scope.js';

/** Backups are kept by the administrator and the records clerk, who maintains all files. */
export function mayBackUp(caller: Caller): boolean {
  return caller.role === 'admin' || caller.role === 'clerk';
}

/** Replacing the database is the administrator's. */
export function mayRestore(role: string): boolean {
  return role === 'admin';
}
