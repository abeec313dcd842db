/** One figure of `pnpm bench`, as written to bench/results.json. */
export interface BenchEntry {
  /** Stable, dotted: `<package>.<subject>.<contender>.<metric>`, the same from run to run. */
  name: string;
  value: number;
  unit: string;
  /** The figure this one is compared with (the baseline's value, or a budget). */
  baseline?: number;
  /** `value / baseline`; for contenders measured in interleaved rounds, the median of the per-round ratios. */
  ratio?: number;
}

/** What the runner hands every bench. */
export interface BenchContext {
  /** `--quick`: fewer repetitions (and smaller sizes where a bench says so), for a run under 3 minutes. */
  quick: boolean;
}

/** The default export of every `*.bench.ts`: measures and returns its figures. */
export type Bench = (context: BenchContext) => Promise<BenchEntry[]>;
