// Error classes carry a message key and parameters, not text: the text is chosen by the
// user's language when main.ts prints it. main.ts alone maps each class to an exit code.
import type { MessageKey } from './i18n/messages.js';

export type Localized = { zh: string; en: string };
export type MessageParams = Record<string, string | number | Localized>;

export class CrmError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = new.target.name;
  }
}

/** Bad flags, arguments or values: exit 2. */
export class UsageError extends CrmError {}

/** A value breaks a rule of the card (field and rule in the message): exit 2. */
export class ValidationError extends UsageError {}

/** Input is needed but there is no terminal to ask on: exit 2, naming the flag. */
export class NeedsInputError extends UsageError {}

/** A record the user named does not exist (or is not visible to them): exit 1. */
export class NotFoundError extends CrmError {}

/** The change conflicts with what is stored (duplicate, existing file): exit 1. */
export class ConflictError extends CrmError {}

/** The user stopped an interactive walk; nothing was written: exit 1. */
export class CancelledError extends CrmError {}

/** The database stayed locked past the busy timeout: exit 1. */
export class BusyError extends CrmError {}

/** The database file is missing, damaged, or of another version: exit 1. */
export class StorageError extends CrmError {}

/** The caller's role or scope does not allow this: exit 3. */
export class PermissionError extends CrmError {}

/** A customer file outside the caller's scope: exit 3, and the refusal goes to the access log. */
export class OutOfScopeError extends PermissionError {
  constructor(
    key: MessageKey,
    params: MessageParams,
    readonly customerId: number,
  ) {
    super(key, params);
  }
}
