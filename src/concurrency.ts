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

/**
 * A gate that runs the tasks given to it at most `limit` at a time, in the order they came: for work
 * asked for all at once from many places (every page of a render asking for its photos), where
 * each task holds a file open or a connection, and thousands at once run out of them.
 */
export function limiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    // A finished task hands its place to the next waiting one, so none can slip in between.
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
