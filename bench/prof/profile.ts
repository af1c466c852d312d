// A CPU profile of some work in this process, through the inspector (the profiling scripts of this folder share it).
import * as fs from 'node:fs';
import { Session } from 'node:inspector';

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }>;
  startTime: number;
  endTime: number;
}

/** Profiles `work` sampling every `intervalUs` microseconds, writes the profile to `out` (open it in Chrome's DevTools) and returns it. */
export async function profileTo(out: string, intervalUs: number, work: () => Promise<unknown> | unknown): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) => new Promise<T>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res as T))));
  try {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: intervalUs });
    await post('Profiler.start');
    await work();
    const { profile } = await post<{ profile: CpuProfile }>('Profiler.stop');
    fs.writeFileSync(out, JSON.stringify(profile));
    return profile;
  } finally {
    session.disconnect();
  }
}
