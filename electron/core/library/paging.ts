/**
 * Long work on the core's one database connection is cut into short steps with a pause between them, so requests
 * from the window are answered while a large library is indexed. A statement is never left open across a pause
 * (another request would find the connection busy): whole tables are read a page at a time, by id.
 */
export const PAGE_ROWS = 2000;

export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * For loops of short synchronous steps (a folder listed, a file stat-ed): `await slice()` after each step
 * pauses only once `ms` have passed since the last pause, so the loop costs no more than one pause per slice.
 */
export function timeSlicer(ms: number): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < ms) return;
    await pause();
    start = performance.now();
  };
}
