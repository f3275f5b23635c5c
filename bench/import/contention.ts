import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { neo4jPid } from '../../src/neo4j-launcher/launcher';

/**
 * How much of the machine the benchmark really had. On a shared 2-core box, a jest or tsc run next
 * to the importer can halve its throughput, and a jest run on the test instance wipes its graph; both
 * must show in the result rather than pass for the importer's own numbers.
 */

export interface Contention {
  wallMs: number;
  /** CPU time used by the whole machine, Neo4j's test JVM, and everything else but the importer. */
  machineCpuMs: number;
  neo4jCpuMs: number | null;
  otherCpuMs: number;
  /** otherCpuMs / (wall time x cores): 0 is a quiet machine, 0.5 means half of it was taken. */
  otherCpuShare: number;
  maxLoadAverage: number;
  /** Other test, type-check or lint runs seen while measuring. */
  competitors: string[];
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function machineBusyMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const [, ...fields] = line.trim().split(/\s+/);
  // Everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS;
}

/** User + system CPU time of a process in ms, from /proc (null when it cannot be read). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

const COMPETITOR_RE = /\b(jest|tsc|eslint|prettier)\b|tsx .*(src|test)\//;

export function competitorsNow(ownPids: Set<number> = new Set([process.pid])): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  const found: string[] = [];
  for (const line of (ps.stdout ?? '').split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m || ownPids.has(Number(m[1])) || ownPids.has(Number(m[2]))) continue;
    if (COMPETITOR_RE.test(m[3]) && !m[3].includes('bench/import')) found.push(m[3].slice(0, 120));
  }
  return found;
}

/** Samples the machine until stop() is called with the importer's own CPU time. */
export function startMonitor() {
  const started = performance.now();
  const busy0 = machineBusyMs();
  const pid = neo4jPid('test');
  const neo0 = pid ? processCpuMs(pid) : null;
  let maxLoad = os.loadavg()[0];
  const competitors = new Set<string>();
  const sample = () => {
    maxLoad = Math.max(maxLoad, os.loadavg()[0]);
    for (const c of competitorsNow()) competitors.add(c);
  };
  sample();
  const timer = setInterval(sample, 2000);
  timer.unref();
  return {
    stop(importerCpuMs: number): Contention {
      clearInterval(timer);
      sample();
      const wallMs = performance.now() - started;
      const machineCpuMs = machineBusyMs() - busy0;
      const neo1 = pid ? processCpuMs(pid) : null;
      const neo4jCpuMs = neo0 !== null && neo1 !== null ? neo1 - neo0 : null;
      const otherCpuMs = Math.max(0, machineCpuMs - importerCpuMs - (neo4jCpuMs ?? 0));
      return {
        wallMs: Math.round(wallMs),
        machineCpuMs,
        neo4jCpuMs,
        otherCpuMs,
        otherCpuShare: Math.round((otherCpuMs / (wallMs * os.cpus().length)) * 1000) / 1000,
        maxLoadAverage: Math.round(maxLoad * 100) / 100,
        competitors: [...competitors],
      };
    },
  };
}
