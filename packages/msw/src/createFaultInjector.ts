/** A fault to inject into the responses of matching requests. Field names match `POST /__mock/faults`. */
export interface Fault {
  /** HTTP method to match; any when omitted. */
  method?: string | undefined;
  /** Path to match, relative to the API root (`/v1/batch/jobs`); `:name` and `*` match one segment. Any when omitted. */
  path?: string | undefined;
  /** How many matching requests fail. Default 1. */
  times?: number | undefined;
  /** "before" (default): the operation does not happen; "after": it happens, then the response fails. */
  when?: "before" | "after" | undefined;
  /** "status" (default): an error status; "reset": the connection drops; "malformed": truncated JSON; "delay": a late but normal answer. */
  kind?: "status" | "reset" | "malformed" | "delay" | undefined;
  /** Status of a "status" fault (default 500) or of a "malformed" one (default 200). */
  status?: number | undefined;
  /** Seconds sent in a `Retry-After` header. */
  retry_after?: number | undefined;
  /** Milliseconds a "delay" fault waits. */
  delay_ms?: number | undefined;
}

/** A registered fault with its defaults filled in and the number of failures left. */
export type PendingFault = Fault & {
  times: number;
  when: NonNullable<Fault["when"]>;
  kind: NonNullable<Fault["kind"]>;
};

/** Fault injection: register faults, and take the one matching a request. */
export interface FaultInjector {
  /** Registers a fault; it applies to the next `times` matching requests. */
  add(fault: Fault): PendingFault;
  /** The faults still pending. */
  list(): PendingFault[];
  /** Removes every pending fault. */
  clear(): void;
  /** Consumes one use of the first pending fault matching the request, if any. */
  take(method: string, path: string, when: "before" | "after"): PendingFault | undefined;
}

const KINDS = new Set(["status", "reset", "malformed", "delay"]);
const WHENS = new Set(["before", "after"]);

/** Creates an empty fault injector. */
export function createFaultInjector(): FaultInjector {
  let faults: PendingFault[] = [];
  return {
    add(fault) {
      const pending = normalizeFault(fault);
      faults.push(pending);
      return { ...pending };
    },
    list: () => faults.map((f) => ({ ...f })),
    clear() {
      faults = [];
    },
    take(method, path, when) {
      const fault = faults.find((f) => f.when === when && matches(f, method, path));
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
      return { ...fault };
    },
  };
}

/** Checks a fault description and fills in its defaults; throws a TypeError naming the bad field. */
export function normalizeFault(fault: Fault): PendingFault {
  if (typeof fault !== "object" || fault === null) throw new TypeError("a fault must be an object");
  const { times = 1, when = "before", kind = "status" } = fault;
  if (!Number.isInteger(times) || times < 1) throw new TypeError(`fault.times must be a positive integer`);
  if (!WHENS.has(when)) throw new TypeError(`fault.when must be "before" or "after"`);
  if (!KINDS.has(kind)) throw new TypeError(`fault.kind must be one of status, reset, malformed, delay`);
  if (fault.status !== undefined && !(Number.isInteger(fault.status) && fault.status >= 100 && fault.status <= 599)) {
    throw new TypeError("fault.status must be an HTTP status code");
  }
  for (const key of ["retry_after", "delay_ms"] as const) {
    const value = fault[key];
    if (value !== undefined && !(typeof value === "number" && value >= 0)) {
      throw new TypeError(`fault.${key} must be a non-negative number`);
    }
  }
  for (const key of ["method", "path"] as const) {
    if (fault[key] !== undefined && typeof fault[key] !== "string")
      throw new TypeError(`fault.${key} must be a string`);
  }
  return { ...fault, times, when, kind, method: fault.method?.toUpperCase() };
}

function matches(fault: PendingFault, method: string, path: string): boolean {
  if (fault.method && fault.method !== method.toUpperCase()) return false;
  if (!fault.path) return true;
  const want = fault.path.split("/").filter(Boolean);
  const got = path.split("/").filter(Boolean);
  return want.length === got.length && want.every((seg, i) => seg === "*" || seg.startsWith(":") || seg === got[i]);
}
