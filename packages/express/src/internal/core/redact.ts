const REDACTED = "[redacted]";

/**
 * Returns `value` with every occurrence of `secret` in its strings (keys
 * included) replaced, so nothing the upstream echoes can carry the key out.
 */
export function redact<T>(value: T, secret: string): T {
  if (!secret) return value;
  return redactValue(value, secret) as T;
}

/** `text` with every occurrence of `secret` replaced. */
export function redactText(text: string, secret: string): string {
  return secret && text.includes(secret) ? text.split(secret).join(REDACTED) : text;
}

/**
 * Headers with `secret` replaced in every value, for answers whose headers carry
 * what the upstream said (a `Retry-After`, a file name); the same object when none holds it.
 */
export function redactHeaders(headers: Record<string, string>, secret: string): Record<string, string> {
  for (const value of Object.values(headers)) {
    if (redactText(value, secret) !== value) {
      return Object.fromEntries(Object.entries(headers).map(([name, item]) => [name, redactText(item, secret)]));
    }
  }
  return headers;
}

function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === "string") return redactText(value, secret);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret));
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactValue(key, secret), redactValue(item, secret)]),
    );
  }
  return value;
}
