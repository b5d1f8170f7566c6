import { AstroError } from 'astro/errors';

/**
 * The one error for a problem with the catalog's input (a digest, an item, an operator's file, a lock another build
 * holds): Astro prints its message and hint, and no stack, since a stack is for bugs and this is not one.
 */
export function inputError(message: string, hint: string, name?: string): AstroError {
  const error = new AstroError(message, hint);
  if (name) error.name = name;
  error.stack = '';
  return error;
}
