/**
 * Decodes the bytes of an HTML page using the charset its HTTP header or its own
 * `<meta charset>` declares, falling back to UTF-8 (what nearly all news sites send).
 * @example decodeHtml(Buffer.from('<meta charset="latin1">caf\xe9', 'latin1')) // '<meta charset="latin1">café'
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string): string {
  const declared = charsetOf(contentType) ?? charsetOf(sniffMeta(bytes));
  if (declared) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // an unknown label ("x-user-defined-foo"): UTF-8 is the best guess
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function charsetOf(value: string | undefined): string | undefined {
  const m = value ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(value) : null;
  return m ? m[1].toLowerCase() : undefined;
}

function sniffMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? `charset=${m[1]}` : undefined;
}
