/** `kb search` — implemented with the search engine (issue 3). */
export async function runSearch(_args: string[]): Promise<number> {
  process.stderr.write('kb search: not available yet\n');
  return 2;
}
