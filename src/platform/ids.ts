import { v7 as uuidv7, validate, version } from 'uuid';

/** Makes a new time-ordered UUID v7: made by the writer, so offline nodes never collide. */
export function newId(): string {
  return uuidv7();
}

/** True for any syntactically valid UUID (older records or other systems may use v4). */
export function isUuid(value: string): boolean {
  return validate(value) && version(value) >= 1;
}
