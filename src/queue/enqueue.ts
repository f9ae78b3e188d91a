import type { InputProblem } from '../ingest/types.js';
import { planItems, type PlanOptions } from './plan.js';
import type { IngestQueue } from './queue.js';
import type { WorkItem } from './work-items.js';

/** What an enqueue did. */
export interface EnqueueCounts {
  /** Work items the inputs were cut into. */
  items: number;
  /** Of those, the ones not queued already. */
  added: number;
  problems: number;
}

/**
 * Cuts the inputs under `paths` into work items (see `planItems`) and puts them on the queue,
 * a few hundred at a time as the scan goes, so workers can start on a large archive while it
 * is still being cut. Inputs that cannot become items go to `onProblem`.
 * @example await enqueuePaths(queue, ['CC-NEWS-20250313.warc.gz']) // {items: 98, added: 98, problems: 0}
 */
export async function enqueuePaths(queue: IngestQueue, paths: string[], options: PlanOptions & { onProblem?: (p: InputProblem) => void } = {}): Promise<EnqueueCounts> {
  const counts: EnqueueCounts = { items: 0, added: 0, problems: 0 };
  let batch: WorkItem[] = [];
  const flush = async (): Promise<void> => {
    counts.added += await queue.enqueue(batch);
    batch = [];
  };
  for await (const planned of planItems(paths, options)) {
    if ('problem' in planned) {
      counts.problems++;
      options.onProblem?.(planned.problem);
      continue;
    }
    counts.items++;
    batch.push(planned.item);
    if (batch.length >= 500) await flush();
  }
  await flush();
  return counts;
}
