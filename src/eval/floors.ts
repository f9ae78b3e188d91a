import { METRICS, QUOTE_TYPES, type MetricName, type ScoreReport, type TypeRecall } from './scorer.js';
import type { QuoteType } from './roles.js';
import type { SpeakerScore } from './speakers.js';

/** A report, with speaker accuracy when it was measured. */
export type FloorReport = ScoreReport & { speakers?: SpeakerScore };

/** A minimum for one figure of a report, e.g. `detect.f1 ≥ 0.44`. */
export interface Floor {
  key: string;
  min: number;
}

/** A figure that fell below its floor. */
export interface FloorMiss extends Floor {
  value: number;
}

const PRF_FIELDS = ['p', 'r', 'f1'] as const;
/** Short names for the per-type figures: `direct.source_exact` is `source_exact_when_found`. */
const TYPE_FIELDS: Record<string, keyof TypeRecall> = {
  r: 'r', found: 'found', gold: 'gold',
  source_exact: 'source_exact_when_found', source_exact_when_found: 'source_exact_when_found',
  cue_exact: 'cue_exact_when_found', cue_exact_when_found: 'cue_exact_when_found',
};

/**
 * True when a floor needs speaker accuracy (the speaker labels must be scored).
 * @example needsSpeakers([parseFloor('speakers.accuracy=0.8')]) // true
 */
export function needsSpeakers(floors: readonly Floor[]): boolean {
  return floors.some((f) => f.key.startsWith('speakers.'));
}

/**
 * Reads `metric=value`; throws an Error saying what is wrong with it.
 * @example parseFloor('direct.r=0.93') // {key: 'direct.r', min: 0.93}
 */
export function parseFloor(spec: string): Floor {
  const m = /^([\w.]+)=(.+)$/.exec(spec.trim());
  if (!m) throw new Error(`"${spec}" is not metric=value (e.g. detect.f1=0.44)`);
  const [, key, raw] = m;
  const min = Number(raw);
  if (!Number.isFinite(min) || raw.trim() === '') throw new Error(`"${spec}": "${raw}" is not a number`);
  if (!figureOf(key)) {
    throw new Error(`"${spec}": unknown figure "${key}" (use <metric>.p|r|f1 with metric one of ${METRICS.join(', ')}, <type>.r|source_exact|cue_exact with type direct, mixed or indirect, or speakers.accuracy)`);
  }
  return { key, min };
}

/**
 * The figures of `report` that are below their floor, in the order the floors were given.
 * @example missedFloors(report, [parseFloor('detect.f1=0.9')]) // [{key: 'detect.f1', min: 0.9, value: 0.4578}]
 */
export function missedFloors(report: FloorReport, floors: readonly Floor[]): FloorMiss[] {
  const out: FloorMiss[] = [];
  for (const floor of floors) {
    const value = figureOf(floor.key)?.(report) ?? Number.NaN;
    // A figure that was not measured (speaker accuracy without labels) misses its floor too.
    if (!(value >= floor.min)) out.push({ ...floor, value });
  }
  return out;
}

/** Reads the figure that `key` names out of a report; undefined for an unknown key. */
function figureOf(key: string): ((report: FloorReport) => number) | undefined {
  const [group, field, ...rest] = key.split('.');
  if (rest.length || field === undefined) return undefined;
  if (key === 'speakers.accuracy') return (report) => report.speakers?.accuracy ?? Number.NaN;
  if ((METRICS as readonly string[]).includes(group) && (PRF_FIELDS as readonly string[]).includes(field)) {
    return (report) => report[group as MetricName][field as (typeof PRF_FIELDS)[number]];
  }
  if ((QUOTE_TYPES as readonly string[]).includes(group) && Object.hasOwn(TYPE_FIELDS, field)) {
    return (report) => report.recall_by_type[group as QuoteType][TYPE_FIELDS[field]];
  }
  return undefined;
}
