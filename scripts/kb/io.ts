/** Where a `kb` command reads and writes: the process for the CLI, memory for tests (which run it in-process). */
export interface KbIo {
  /** Standard output: results, meant for pipes and scripts. */
  out(text: string): void;
  /** Standard error: problems and notes for the person at the terminal. */
  err(text: string): void;
  /** The directory relative FILE arguments are read from. */
  cwd: string;
}
