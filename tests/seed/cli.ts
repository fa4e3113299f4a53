import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createSeed, SeedError, SIZES, type SeedOptions, type SeedSize } from './generate';

/**
 * `npm run seed -- --data <folder> --size small|large --password '<password>'
 * [--username admin] [--seed 1] [--today YYYY-MM-DD]`
 */
const USAGE =
  "Uso: npm run seed -- --data <cartella> --size small|large --password '<password amministratore>' " +
  '[--username admin] [--seed 1] [--today AAAA-MM-GG]';

export function parseSeedArgs(argv: string[]): SeedOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      size: { type: 'string', default: 'small' },
      password: { type: 'string' },
      username: { type: 'string', default: 'admin' },
      seed: { type: 'string', default: '1' },
      today: { type: 'string' },
    },
  });
  if (!values.data) throw new SeedError(`Manca --data.\n${USAGE}`);
  if (!values.password) throw new SeedError(`Manca --password.\n${USAGE}`);
  if (!(values.size in SIZES)) throw new SeedError(`--size deve essere small o large.\n${USAGE}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new SeedError(`--seed deve essere un numero intero.\n${USAGE}`);
  return {
    dataDir: path.resolve(values.data),
    size: values.size as SeedSize,
    password: values.password,
    username: values.username,
    seed,
    ...(values.today ? { today: values.today } : {}),
  };
}

async function main(): Promise<void> {
  const options = parseSeedArgs(process.argv.slice(2));
  const started = performance.now();
  const result = await createSeed({ ...options, progress: (line) => console.log(line) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const c = result.counts;
  const n = (key: string) => (c[key] ?? 0).toLocaleString('it-IT');
  console.log(`
Dati di prova creati in ${options.dataDir} (${options.size}, seme ${options.seed ?? 1}, oggi ${result.today}) in ${seconds} s
  fasi (s): ${Object.entries(result.timings)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}

  aree ${n('areas')}, caseggiati ${n('buildings')}, alloggi ${n('units')}
  nuclei ${n('households')}, persone ${n('members')}, traslochi ${n('household_moves')}, fragilità ${n('member_fragilities')}
  interventi ${n('interventions')} (temi ${n('intervention_topics')}), invii ${n('referrals')}, promemoria ${n('followups')}
  operatori ${n('operators')}
  morosità: estratti mensili ${n('arrears_statements')} (importazioni ${n('arrears_imports')}), fasi legali ${n('household_arrears')}
  piani di rientro ${n('repayment_plans')} (rate ${n('plan_installments')}, pagamenti ${n('plan_payments')}), cause incolpevole ${n('incolpevole_causes')}, ISEE ${n('household_isee')}
  punteggi di rischio ${n('risk_scores')}

Accessi (tutti con la password data sul comando):
  ${result.admin}  amministratore
  ${result.coordinator}  coordinatrice (Roberta Dossena)
  ${result.tutor}  tutor (Giulia Ferrari), con i suoi caseggiati e la sua agenda
Gli altri operatori sono solo righe nell'elenco, senza chiave: non possono accedere.
Chiave di recupero (solo per questi dati di prova): ${result.recoveryKey}

Per aprire l'app su questi dati:
  npm run web -- --data ${options.dataDir}
`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof SeedError ? err.message : err);
    process.exit(1);
  });
}
