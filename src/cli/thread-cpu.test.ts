import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cpuTicks, otherThreadsCpu } from './thread-cpu.js';

describe('cpuTicks', () => {
  it('cpuTicks: user plus system ticks, counted after a command name that holds spaces and parentheses', () => {
    expect(cpuTicks('7 (node worker) S 1 7 7 0 -1 4194560 10 0 0 0 120 30 0 0 20 0 1')).toBe(150);
    expect(cpuTicks('8 (a) b) (c) R 1 7 7 0 -1 4194560 10 0 0 0 5 2 0 0 20 0 1')).toBe(7);
  });
});

describe.runIf(process.platform === 'linux')('otherThreadsCpu', () => {
  it('otherThreadsCpu: counts a worker thread\'s busy time, not the main thread\'s', async () => {
    const before = otherThreadsCpu()!;
    const end = performance.now() + 150;
    while (performance.now() < end); // the main thread busy: not counted
    expect(otherThreadsCpu()! - before).toBeLessThan(0.1);
    // read while the worker's thread lives: an ended thread's time goes with it
    const running = new Worker('const end = performance.now() + 400; while (performance.now() < end); require("node:worker_threads").parentPort.postMessage(1); setTimeout(() => {}, 300);', { eval: true });
    await new Promise((resolve) => running.once('message', resolve));
    expect(otherThreadsCpu()! - before).toBeGreaterThan(0.2);
    await running.terminate();
  });
});
