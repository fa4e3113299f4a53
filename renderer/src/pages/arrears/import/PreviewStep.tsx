import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../../../shared/format';
import type { ImportPreview } from '../../../../../shared/contract';
import { CountCards } from './CountCards';
import { ErrorsTable } from './ErrorsTable';
import { formatCount, formatPeriodRange, plural } from './format';
import { MatchedTable } from './MatchedTable';
import { StepActions } from './StepActions';
import { UnmatchedTable } from './UnmatchedTable';
import type { ImportWizard } from './useImportWizard';

function Section({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Stack component="section" spacing={1} aria-label={title}>
      <Typography variant="h3" component="h3">
        {title}
      </Typography>
      {intro && (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 900 }}>
          {intro}
        </Typography>
      )}
      {children}
    </Stack>
  );
}

/** What blocks the import, as a sentence saying what to do; null when it can go. */
export function blocker(preview: ImportPreview, open: number): string | null {
  const { counts } = preview;
  if (counts.errors > 0) {
    return `Il file ha ${plural(counts.errors, 'riga con errori', 'righe con errori')}: correggere il file (con Excel o chiedendolo di nuovo all’ente) e caricarlo di nuovo. Finché ci sono errori non si può importare.`;
  }
  if (counts.unmatched > preview.unmatched.length) {
    return `Le righe non abbinate sono troppe (${formatCount(counts.unmatched)}) per deciderle una a una: controllare che la colonna del codice alloggio sia quella giusta e che gli alloggi siano registrati con il codice dell’ente.`;
  }
  if (open > 0) {
    return `${open === 1 ? 'Resta 1 riga non abbinata' : `Restano ${formatCount(open)} righe non abbinate`}: collegarle a un alloggio o saltarle.`;
  }
  if (counts.read === 0) return 'Il file non ha righe da importare.';
  return null;
}

function readySentence(
  preview: ImportPreview,
  linked: number,
  skipped: number,
  saveProfile: string | null,
): string {
  const { counts } = preview;
  const toWrite = counts.matched - counts.unchanged;
  const parts: string[] = [];
  if (toWrite > 0) parts.push(`${plural(toWrite, 'riga abbinata', 'righe abbinate')} da scrivere`);
  if (linked > 0) parts.push(plural(linked, 'riga collegata a mano', 'righe collegate a mano'));
  if (counts.unchanged > 0) {
    parts.push(
      `${plural(counts.unchanged, 'riga già presente e uguale', 'righe già presenti e uguali')} (non cambiano)`,
    );
  }
  if (skipped > 0) parts.push(plural(skipped, 'riga saltata', 'righe saltate'));
  const profile = saveProfile ? ` Il profilo «${saveProfile}» verrà salvato con queste colonne.` : '';
  return `Pronto per l’importazione: ${parts.join(', ')}.${profile}`;
}

/** Step 3: what the import would do, row by row; nothing is written before "Importa". */
export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { preview, resolutions } = wizard;
  if (!preview) return null;
  const { counts } = preview;
  const open = preview.unmatched.filter((row) => !resolutions.has(row.line)).length;
  const linked = preview.unmatched.filter((row) => resolutions.get(row.line)?.kind === 'link').length;
  const skipped = preview.unmatched.filter((row) => resolutions.get(row.line)?.kind === 'skip').length;
  const blocked = blocker(preview, open);
  const busy = wizard.committing || wizard.previewing;

  return (
    <Stack spacing={3}>
      <Typography color="text.secondary">
        {`File «${preview.fileName}»${preview.sheet !== null ? `, foglio «${preview.sheet}»` : ''}. Mesi: ${formatPeriodRange(preview.periods?.min, preview.periods?.max)}. Nulla è stato ancora scritto.`}
      </Typography>

      <CountCards counts={counts} />

      {preview.alreadyImported && (
        <Alert severity="warning">
          {`Questo file è già stato importato il ${formatDateTime(preview.alreadyImported.importedAt)} da ${preview.alreadyImported.by}. `}
          {counts.unchanged === counts.matched && counts.matched > 0
            ? 'Tutte le righe abbinate sono già presenti e uguali: importarlo di nuovo non cambia nessun valore.'
            : 'Le righe già presenti e uguali non cambiano; le altre verranno aggiornate.'}
        </Alert>
      )}

      {counts.errors > 0 && (
        <Section
          title={`Righe con errori (${formatCount(counts.errors)})`}
          intro="Il numero di riga è quello che si vede aprendo il file con Excel. Correggere questi valori nel file e caricarlo di nuovo."
        >
          <ErrorsTable errors={preview.errors} />
          <div>
            <Button variant="outlined" onClick={wizard.replaceFile}>
              Carica il file corretto
            </Button>
          </div>
        </Section>
      )}

      {counts.unmatched > 0 && (
        <Section
          title={`Righe non abbinate (${formatCount(counts.unmatched)})`}
          intro="Queste righe non corrispondono a nessun alloggio registrato, né per codice alloggio né per codice fiscale dell’intestatario. Collegarle a un alloggio (il codice verrà ricordato per i prossimi file) oppure saltarle (non verranno importate)."
        >
          <UnmatchedTable rows={preview.unmatched} resolutions={resolutions} resolve={wizard.resolve} />
        </Section>
      )}

      {counts.matched > 0 && (
        <Section
          title={`Righe abbinate (${formatCount(counts.matched)})`}
          intro={
            counts.matched > preview.matched.length
              ? `Le prime ${formatCount(preview.matched.length)}, come esempio.`
              : undefined
          }
        >
          <MatchedTable rows={preview.matched} />
        </Section>
      )}

      <Paper
        variant="outlined"
        sx={{ position: 'sticky', bottom: 0, p: 2, zIndex: 1, boxShadow: '0 -2px 8px rgba(0,0,0,0.08)' }}
      >
        {wizard.message && (
          <Alert
            severity="error"
            role="alert"
            sx={{ mb: 1.5 }}
            action={
              wizard.expired ? (
                <Button color="inherit" size="small" onClick={() => void wizard.reread()} disabled={busy}>
                  Rileggi il file
                </Button>
              ) : undefined
            }
          >
            {wizard.message}
          </Alert>
        )}
        <StepActions
          note={
            blocked ??
            readySentence(preview, linked, skipped, wizard.profile.save ? wizard.profile.name.trim() : null)
          }
          back={{ label: 'Indietro', onClick: () => wizard.goTo(1), disabled: busy }}
          next={{
            label: wizard.committing ? 'Importazione…' : 'Importa',
            onClick: () => void wizard.commit(),
            disabled: blocked !== null || busy || preview.previewId === null,
            pending: wizard.committing,
          }}
        />
      </Paper>
    </Stack>
  );
}
