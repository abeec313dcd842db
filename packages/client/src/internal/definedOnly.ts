/**
 * The options that are set, for spreading over defaults: an explicit `undefined` (an unset environment variable,
 * say) keeps the default, as a left-out option does.
 */
export function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
