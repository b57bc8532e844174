// Resident memory of a process and all its descendants (Linux /proc), sampled while it
// runs. GNU time's %M (ru_maxrss) is the largest single process's peak, which misses
// Pagefind: its binary is a child process with a heap of its own, alive at the same time
// as the build. Each sample reads every descendant's current RSS (VmRSS), so the tree's
// total is a sum over processes alive at one instant; each process's own peak is its
// VmHWM (the kernel's high-water mark), exact whatever the sampling interval.
import { readdirSync, readFileSync } from 'node:fs';

export const canSampleTree = (() => {
  try {
    readFileSync('/proc/self/status', 'utf8');
    return true;
  } catch {
    return false;
  }
})();

/**
 * Starts sampling the tree under `pid` every `intervalMs`. `groupOf(name, pid)` names the
 * group a process counts in (its comm name, e.g. `node` or `pagefind_extended`).
 * stop() returns { groups: { [group]: { peakMiB, processes } }, treePeakMiB, treePeakAtMs,
 * samples, timeline: [ms, treeMiB, …group MiB] }.
 */
export function sampleTree(pid, { intervalMs = 100, groupOf = (name) => name } = {}) {
  const started = performance.now();
  const groups = new Map();
  const groupNames = [];
  const hwm = new Map();
  const timeline = [];
  let treePeak = 0;
  let treePeakAt = 0;
  let samples = 0;
  const sample = () => {
    const now = {};
    let total = 0;
    for (const p of descendantsOf(pid)) {
      const status = readStatus(p);
      if (!status) continue;
      const group = groupOf(status.name, p);
      if (!groups.has(group)) {
        groups.set(group, { peakKiB: 0, pids: new Set() });
        groupNames.push(group);
      }
      groups.get(group).pids.add(p);
      hwm.set(p, { group, kib: Math.max(hwm.get(p)?.kib ?? 0, status.hwmKiB) });
      now[group] = (now[group] ?? 0) + status.rssKiB;
      total += status.rssKiB;
    }
    for (const [group, kib] of Object.entries(now)) groups.get(group).peakKiB = Math.max(groups.get(group).peakKiB, kib);
    const at = performance.now() - started;
    if (total > treePeak) [treePeak, treePeakAt] = [total, at];
    timeline.push([Math.round(at), total, ...groupNames.map((g) => now[g] ?? 0)]);
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const mib = (kib) => kib / 1024;
      const result = { groups: {}, treePeakMiB: mib(treePeak), treePeakAtMs: treePeakAt, samples, groupNames, timeline };
      for (const [group, { peakKiB, pids }] of groups) {
        // A group's peak: the larger of its sampled simultaneous sum and its largest process's high-water mark.
        const ownPeaks = [...hwm.values()].filter((h) => h.group === group).map((h) => h.kib);
        result.groups[group] = { peakMiB: mib(Math.max(peakKiB, ...ownPeaks)), processes: pids.size };
      }
      return result;
    },
  };
}

/** `pid` and every process below it, found through the kernel's children lists. */
function descendantsOf(pid) {
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const p = queue.shift();
    let tasks;
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    found.push(p);
    for (const tid of tasks) {
      try {
        const children = readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim();
        if (children) queue.push(...children.split(' ').map(Number));
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  }
  return found;
}

function readStatus(pid) {
  let text;
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { name: /^Name:\s+(.*)$/m.exec(text)?.[1] ?? '?', rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}
