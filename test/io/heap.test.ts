// The import's heap keeper: a full collection every 5,000 rows, none in between.
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { expect, test } from 'vitest';
import { heapKeeper } from '../../src/io/heap.js';

async function majorCollectionsDuring(work: () => void): Promise<number> {
  const seen: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  work();
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return seen.filter((e) => (e as PerformanceEntry & { detail: { kind: number } }).detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR).length;
}

test('collects on every 5,000th row and not on the rows between', async () => {
  const keep = heapKeeper();
  // V8 may collect on its own now and then: the counts allow for one such collection.
  expect(await majorCollectionsDuring(() => [5000, 10_000, 15_000].forEach(keep))).toBeGreaterThanOrEqual(3);
  expect(await majorCollectionsDuring(() => [1, 2, 4999, 5001, 9999, 14_999].forEach(keep))).toBeLessThanOrEqual(1);
});
