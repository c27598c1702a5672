// A benchmark module: `bench/run.ts` imports each listed module and calls run().
// It prints its own table and returns the markdown it wrote (for the summary).
export interface BenchModule {
  title: string;
  /** Why it cannot run here (e.g. the lab needs root), or null. */
  unavailable?: () => string | null;
  run: () => Promise<BenchOutcome>;
}

export interface BenchOutcome {
  /** Markdown written to bench/results/<name>.md. */
  markdown: string;
  /** Every stated target met? */
  targetsMet: boolean;
}
