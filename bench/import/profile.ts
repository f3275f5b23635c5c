import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a V8 .cpuprofile (node --cpu-prof) into self-time totals by function and by source file, so
 * that a benchmark run can say which code its CPU went to without opening DevTools.
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  topFunctions: { name: string; selfMs: number; share: number }[];
  topFiles: { file: string; selfMs: number; share: number }[];
}

/** node_modules collapse to their package so that e.g. all of cheerio reads as one line. */
function sourceLabel(url: string, functionName: string, root: string): string {
  // V8's pseudo-frames: (idle) is time spent waiting, e.g. for Neo4j; (garbage collector), (program).
  if (!url) return functionName || '(native)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `npm:${pkg[1]}`;
  if (file.startsWith('node:')) return file;
  return path.isAbsolute(file) ? path.relative(root, file) : file;
}

export function summarizeProfile(file: string, root: string, top = 15): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / Math.max(profile.samples.length, 1);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (node.hitCount ?? 0) * perSample;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const label = sourceLabel(url, functionName, root);
    const name = `${functionName || '(anonymous)'} ${label}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byFile.set(label, (byFile.get(label) ?? 0) + ms);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({
        name,
        selfMs: Math.round(ms),
        share: Math.round((ms / totalMs) * 1000) / 1000,
      }));
  return {
    file: path.relative(root, file),
    totalMs: Math.round(totalMs),
    topFunctions: rank(byFunction),
    topFiles: rank(byFile).map(({ name, ...rest }) => ({ file: name, ...rest })),
  };
}

/**
 * The profile of the importer's main thread among those a child wrote: tsx's loader runs on a
 * worker thread that gets its own, nearly idle, profile.
 */
export function mainThreadProfile(dir: string): string | null {
  let best: { file: string; size: number } | null = null;
  try {
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.cpuprofile')) continue;
      const file = path.join(dir, name);
      const size = fs.statSync(file).size;
      if (!best || size > best.size) best = { file, size };
    }
  } catch {
    return null;
  }
  return best?.file ?? null;
}
