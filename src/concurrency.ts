/** Files read at once: enough to keep the disk busy while the parser works, few enough to spare file handles. */
export const FILE_CONCURRENCY = 32;

/** `fn` over every item, at most `limit` at a time; results keep the order of `items`. */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
  onDone: (done: number, total: number) => void = () => {},
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
      onDone(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
