import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock tick (USER_HZ), the unit of a thread's CPU times in `/proc`: 100 a second on every mainstream build. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by this process's threads other than the main one: on Node, V8's
 * workers (the optimising compiler, the garbage collector's helpers) and libuv's pool. A process
 * pinned to one core pays for them on that core, while its main thread waits. Read from Linux's
 * `/proc/self/task` to a clock tick (10 ms); null where there is no such file (macOS, Windows).
 * @example const before = otherThreadsCpu(); work(); const used = before === null ? null : otherThreadsCpu()! - before
 */
export function otherThreadsCpu(): number | null {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return null;
  }
  let ticks = 0;
  for (const tid of tids) {
    if (tid === String(process.pid)) continue;
    try {
      ticks += cpuTicks(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8'));
    } catch {
      // the thread ended between the listing and the read: its time is gone with it
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/**
 * User and system clock ticks from a `/proc/…/stat` line: fields 14 and 15, counted after the
 * command name, which is in parentheses and may itself hold spaces and parentheses.
 * @example cpuTicks('7 (node worker) S 1 7 7 0 -1 4194560 10 0 0 0 120 30 0 0 20 0 1') // 150
 */
export function cpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (the state): utime is field 14, stime field 15
  return Number(fields[11]) + Number(fields[12]);
}
