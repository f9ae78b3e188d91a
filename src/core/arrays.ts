/**
 * `items.map(f)`, as an array V8 keeps packed. Optimised code that inlines `Array.prototype.map`
 * makes its result holey, where the unoptimised builtin made it packed: once the caller is
 * optimised, every optimised reader of such arrays, made for packed ones, meets a new hidden
 * class and is thrown away and compiled again (over dev, the speaker resolver's and the
 * candidates' readers, again and again through the bench's timed rounds). Pushed one by one,
 * the array is packed whatever runs.
 * @example mapPacked([1, 2], (x) => x * 2) // [2, 4]
 */
export function mapPacked<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(f(items[i], i));
  return out;
}
