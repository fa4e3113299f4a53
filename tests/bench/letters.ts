import fs from 'node:fs';
import type { AppCore } from '../../electron/core/app-core';
import { PDF_CHUNK } from '../../electron/handlers/letters';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { measure, type BenchResult } from './harness';

const LETTERS = 300;

/** Resident set of this process's descendants (Chromium), summed, in MiB; 0 where /proc is missing. */
function childrenRssMiB(): number {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(e), Number(fields[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  let pages = 0;
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      pages += Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]);
    } catch {
      // ended
    }
  }
  return (pages * 4096) / 2 ** 20;
}

/**
 * A 300-letter batch through the dispatcher as a coordinator, as the office issues it:
 * merge, render, Chromium's PDF (chunks of PDF_CHUNK letters, merged with pdf-lib), the register
 * (protocol numbers, SHA-256, audit) in one transaction, the file hashed in the outbox.
 * The largest building of the data set has fewer than 300 households, so the batch takes
 * the active households of the biggest buildings in turn. Peak memory is sampled every
 * 50 ms: this process's RSS, and the sum of the RSS of its Chromium processes.
 */
export async function lettersBench(
  core: AppCore,
  signInAsCoordinator: () => Promise<void>,
): Promise<BenchResult[]> {
  const call = async <N extends CallName>(name: N, input: CallInput<N>) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.kind} ${result.error.message}`);
    return result.value as CallOutput<N>;
  };
  await signInAsCoordinator();
  const head = await call('letters.letterhead', {});
  await call('letters.updateLetterhead', {
    name: head.name,
    address: head.address,
    phone: head.phone,
    email: head.email,
    footer: 'I dati personali sono trattati secondo il Regolamento UE 2016/679.',
    sportelloHours: 'martedì e giovedì, dalle 9 alle 12',
  });
  const { templates } = await call('letters.templates', {});
  const template = templates.find((t) => t.name.startsWith('Orari e contatti'));
  if (!template) throw new Error('built-in template missing');

  // Buildings by active households, biggest first, until 300 households.
  const buildings = await call('buildings.list', {
    page: 0,
    pageSize: 20,
    sortField: 'activeHouseholds',
    sortDir: 'desc',
  });
  const ids: number[] = [];
  const used: string[] = [];
  for (const b of buildings.rows) {
    if (ids.length >= LETTERS) break;
    const before = ids.length;
    for (let page = 0; ids.length < LETTERS; page += 1) {
      const list = await call('households.list', { buildingId: b.id, status: 'attivo', page, pageSize: 100 });
      for (const h of list.rows) if (ids.length < LETTERS) ids.push(h.id);
      if (list.rows.length < 100) break;
    }
    used.push(`${b.id} (${ids.length - before})`);
  }
  const input: CallInput<'letters.issue'> = {
    templateId: template.id,
    expectedVersion: template.currentVersion,
    target: { kind: 'households', householdIds: ids },
    includeIncomplete: true,
  };

  let peakRss = 0;
  let peakChromium = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20);
    peakChromium = Math.max(peakChromium, childrenRssMiB());
  }, 50);
  let pages = 0;
  let bytes = 0;
  try {
    const result = await measure(
      'letters.building_batch_300_pdf',
      { target_ms: 6000, runs: 5, warmup: 1 },
      async () => {
        const out = await call('letters.issue', input);
        if (out.outcome !== 'pdf') throw new Error(`letters.issue answered ${out.outcome}, not a PDF`);
        pages = out.pages;
        bytes = out.bytes;
      },
    );
    result.note =
      `as coordinatore; ${ids.length} households of the ${used.length} biggest buildings (ids ${used.join(', ')}), ` +
      `${pages} pages, ${(bytes / 2 ** 20).toFixed(1)} MiB PDF, ${Math.ceil(ids.length / PDF_CHUNK)} Chromium document(s) of ≤ ${PDF_CHUNK} letters; ` +
      `peak RSS node ${peakRss.toFixed(0)} MiB, Chromium processes (sum) ${peakChromium.toFixed(0)} MiB`;
    return [result];
  } finally {
    clearInterval(sampler);
  }
}
