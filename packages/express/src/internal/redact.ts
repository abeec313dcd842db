const REDACTED = "[redacted]";

/**
 * Returns `value` with every occurrence of `secret` in its strings (keys
 * included) replaced, so nothing the upstream echoes can carry the key out.
 */
export function redact<T>(value: T, secret: string): T {
  if (!secret) return value;
  return redactValue(value, secret) as T;
}

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === "string") return value.includes(secret) ? value.split(secret).join(REDACTED) : value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactValue(key, secret), redactValue(item, secret)]),
    );
  }
  return value;
}
