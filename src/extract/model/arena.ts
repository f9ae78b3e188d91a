/**
 * Typed arrays carved one after another out of one buffer: a document's per-token arrays in one
 * allocation instead of one each (each array of more than 64 bytes is a buffer allocated and
 * freed outside the JavaScript heap, which costs more than filling it).
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  /**
   * An arena of `bytes` bytes, zeroed.
   * @example new Arena(4 * n + n).int32(n)
   */
  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /**
   * The next `n` 32-bit integers, zeroed (or set to `fill`).
   * @example arena.int32(n + 1)
   */
  int32(n: number, fill = 0): Int32Array {
    const out = new Int32Array(this.buffer, this.take(4 * n), n);
    if (fill !== 0) out.fill(fill);
    return out;
  }

  /**
   * The next `n` bytes, zeroed (or set to `fill`).
   * @example arena.uint8(n, 255)
   */
  uint8(n: number, fill = 0): Uint8Array {
    const out = new Uint8Array(this.buffer, this.take(n), n);
    if (fill !== 0) out.fill(fill);
    return out;
  }

  /** The offset of the next `bytes` bytes, 4-aligned. */
  private take(bytes: number): number {
    const at = this.at;
    this.at = (at + bytes + 3) & ~3;
    if (this.at > this.buffer.byteLength) throw new RangeError('arena too small');
    return at;
  }
}
