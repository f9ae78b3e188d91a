import type { EntityRecord, NameKey } from './registry.js';

/**
 * The organisations of a document, found by the words a shorter or abbreviated mention shares
 * with them: the last word ("The Post" → New York Post) and the initials ("S.E.C." →
 * Securities and Exchange Commission, and back). {@link candidates} returns, in the order they
 * were added, every organisation such a mention can match, so that a lookup need not score them all.
 * @example index.add(sec); index.candidates(nameKey('S.E.C.')) // [sec]
 */
export class OrganizationIndex {
  /** Each organisation → the order it was added in. */
  private readonly order = new Map<EntityRecord, number>();
  private readonly byLastWord = new Map<string, EntityRecord[]>();
  private readonly byAcronym = new Map<string, EntityRecord[]>();

  add(e: EntityRecord): void {
    this.order.set(e, this.order.size);
    this.index(e);
  }

  /** Indexes an organisation again after a new name; earlier entries stay (candidates are scored anyway). */
  renamed(e: EntityRecord): void {
    if (this.order.has(e)) this.index(e);
  }

  /**
   * The organisations whose last word is the key's last word or its initials, or whose initials
   * are the key (one word): all that can end with the key or share its acronym.
   */
  candidates(key: NameKey): readonly EntityRecord[] {
    const byLast = this.byLastWord.get(lastWord(key)) ?? NONE;
    const byAcronym = (key.words.length === 1 && this.byAcronym.get(key.norm)) || NONE;
    const byInitials = (key.acronym && this.byLastWord.get(key.acronym)) || NONE;
    if (byAcronym === NONE && byInitials === NONE) return byLast; // the common case
    const found = new Set([...byLast, ...byAcronym, ...byInitials]);
    return [...found].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }

  private index(e: EntityRecord): void {
    this.insert(this.byLastWord, lastWord(e), e);
    if (e.acronym) this.insert(this.byAcronym, e.acronym, e);
  }

  /** Adds `e` to the list under `word`, which stays in the order the organisations were added. */
  private insert(map: Map<string, EntityRecord[]>, word: string, e: EntityRecord): void {
    const list = map.get(word);
    if (!list) map.set(word, [e]);
    else if (!list.includes(e)) {
      list.push(e);
      list.sort((a, b) => this.order.get(a)! - this.order.get(b)!);
    }
  }
}

const NONE: readonly EntityRecord[] = [];

/** The last word of a name's `norm`, which its `words` hold already. */
function lastWord(key: { words: readonly string[] }): string {
  return key.words[key.words.length - 1] ?? '';
}
