import type { InputProblem, RawDocument, ReadItem } from '../../src/ingest/types.js';

/** Drains a reader into its documents and its problems. */
export async function collect(items: AsyncIterable<ReadItem>): Promise<{ docs: RawDocument[]; problems: InputProblem[] }> {
  const docs: RawDocument[] = [];
  const problems: InputProblem[] = [];
  for await (const item of items) {
    if ('doc' in item) docs.push(item.doc);
    else problems.push(item.problem);
  }
  return { docs, problems };
}

/** The path of a fixture under test/fixtures/ingest. */
export function fixture(name: string): string {
  return new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
}
