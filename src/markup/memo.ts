/**
 * A pure function that remembers its results by its arguments: objects by identity (held weakly,
 * so a finished build's entries can be collected), other values by value. A partial wrapped in it
 * is rendered once per distinct input, and since every argument is part of the key, editing the
 * partial's markup or giving it a new parameter can never serve stale markup.
 */
export function memoized<Args extends readonly unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result {
  const root = new Trie<Result>();
  return (...args: Args) => {
    let node = root;
    for (const arg of args) node = node.child(arg);
    if (!node.done) {
      node.result = fn(...args);
      node.done = true;
    }
    return node.result as Result;
  };
}

/** One argument position of the cache: the nodes for the next argument, by this one's value. */
class Trie<Result> {
  done = false;
  result: Result | undefined;
  #byObject: WeakMap<object, Trie<Result>> | undefined;
  #byValue: Map<unknown, Trie<Result>> | undefined;

  child(arg: unknown): Trie<Result> {
    if ((typeof arg === 'object' && arg !== null) || typeof arg === 'function') {
      this.#byObject ??= new WeakMap();
      let next = this.#byObject.get(arg);
      if (!next) this.#byObject.set(arg, (next = new Trie()));
      return next;
    }
    this.#byValue ??= new Map();
    let next = this.#byValue.get(arg);
    if (!next) this.#byValue.set(arg, (next = new Trie()));
    return next;
  }
}
