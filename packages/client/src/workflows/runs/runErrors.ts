import { MistralBatchError } from "../../errors.js";
// Apart from errors.ts: every call's bundle carries that module's classes, and only runs need these.

/** Another process drives this run (its lease has not expired): one process at a time. */
export class RunLockedError extends MistralBatchError {
  override name = "RunLockedError";
  readonly runId: string;

  constructor(runId: string) {
    super(
      `Run ${runId} is being driven by another process; try again once it stops (a lease outlives a crash by at most its TTL)`,
    );
    this.runId = runId;
  }
}

/** The run was cancelled (an abort with `cancelOnAbort`): its jobs were cancelled and it does not start again. */
export class RunCancelledError extends MistralBatchError {
  override name = "RunCancelledError";
  readonly runId: string;

  constructor(runId: string) {
    super(`Run ${runId} was cancelled; start a new run with another runId`);
    this.runId = runId;
  }
}
