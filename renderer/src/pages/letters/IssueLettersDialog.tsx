import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import type { CallInput, CallOutput } from '../../../../shared/contract';
import { bodyTexts } from '../../../../shared/letters/body';
import { placeholderKeys } from '../../../../shared/letters/placeholders';
import { useApiMutation, useApiQuery, useGuardedCall } from '../../api';
import { deliverFile } from '../../api/deliver';
import { useNotify } from '../../feedback/NotifyContext';

export type IssueTarget =
  | { kind: 'households'; householdIds: number[] }
  | { kind: 'building'; buildingId: number; staircases: string[] };

interface Props {
  open: boolean;
  onClose: () => void;
  target: IssueTarget;
  /** Who the letters go to, as the dialog's title says it ("Nucleo N-000012", "Via Roma 10"). */
  description: string;
  /** For a building: the staircases to choose from. */
  staircases?: string[];
}

type Issued = Exclude<CallOutput<'letters.issue'>, { outcome: 'cancelled' }>;

const lettersLabel = (n: number) => `${n} ${n === 1 ? 'lettera' : 'lettere'}`;

/**
 * «Lettere»: choose a template, preview the first letters with the warnings, then issue them
 * and save the PDF or, in the desktop app, print them through the system print dialog.
 */
export function IssueLettersDialog({ open, ...rest }: Props) {
  return open ? <IssueForm {...rest} /> : null;
}

const EMPTY_MEETING = { date: '', time: '', place: '', agenda: '' };

function IssueForm({ onClose, target, description, staircases = [] }: Omit<Props, 'open'>) {
  const templates = useApiQuery('letters.templates', {});
  const guardedCall = useGuardedCall();
  const notify = useNotify();
  const issue = useApiMutation('letters.issue', ['letters.register']);
  const [templateId, setTemplateId] = useState<number | ''>('');
  const [meeting, setMeeting] = useState(EMPTY_MEETING);
  const [chosenStairs, setChosenStairs] = useState<string[]>([]);
  const [includeIncomplete, setIncludeIncomplete] = useState(false);
  const [preview, setPreview] = useState<CallOutput<'letters.preview'> | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detail = useApiQuery('letters.template', { id: templateId === '' ? 0 : templateId });
  const needsMeeting = useMemo(() => {
    if (!detail.value || templateId === '') return false;
    const text = [detail.value.template.subject, ...bodyTexts(detail.value.body)].join('\n');
    return placeholderKeys(text).some((k) => k.startsWith('incontro.'));
  }, [detail.value, templateId]);

  const input = (): CallInput<'letters.preview'> | null => {
    if (templateId === '') return null;
    return {
      templateId,
      target: target.kind === 'building' ? { ...target, staircases: chosenStairs } : target,
      meeting: { ...meeting, date: meeting.date === '' ? null : meeting.date },
    };
  };

  const runPreview = async () => {
    const value = input();
    if (!value) {
      setMessage('Scegliere il modello di lettera.');
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await guardedCall('letters.preview', value);
    setBusy(false);
    if (!result.ok) {
      setMessage(result.error.message);
      setPreview(null);
      return;
    }
    setPreview(result.value);
  };

  const runIssue = async (output: 'pdf' | 'stampa') => {
    const value = input();
    if (!value || !preview) return;
    setMessage(null);
    setNotice(null);
    const result = await issue.run({ ...value, expectedVersion: preview.version, includeIncomplete, output });
    if (!result.ok) {
      setMessage(result.error.message);
      return;
    }
    const outcome = result.value;
    if (outcome.outcome === 'cancelled') {
      setNotice('Stampa annullata: nessuna lettera è stata emessa e i numeri di protocollo restano liberi.');
      return;
    }
    setIssued(outcome);
    if (outcome.outcome === 'printed') {
      notify(`Lettere stampate: ${outcome.count}`);
      return;
    }
    notify(`Lettere emesse: ${outcome.count}`);
    await save(outcome.fileId);
  };

  const save = async (fileId: string) => {
    const delivered = await deliverFile(fileId);
    if (!delivered.ok) setMessage(delivered.error.message);
  };

  const active = templates.value?.templates.filter((t) => t.active) ?? [];
  const toIssue = preview ? (includeIncomplete ? preview.households : preview.complete) : 0;
  const reset = () => {
    setPreview(null);
    setIssued(null);
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="issue-letters-title">
      <DialogTitle id="issue-letters-title">Lettere a: {description}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          {message && <Alert severity="error">{message}</Alert>}
          {notice && <Alert severity="info">{notice}</Alert>}
          {issued ? (
            <Alert severity="success">
              {issued.outcome === 'printed' ? 'Stampate' : 'Emesse'} {issued.count} lettere, protocollo{' '}
              {issued.firstProtocol}
              {issued.count > 1 && ` – ${issued.lastProtocol}`}
              {issued.outcome === 'pdf' && ` (${issued.pages} pagine)`}. Sono nella storia di ogni nucleo e
              nel registro delle lettere.
              {issued.skipped > 0 &&
                ` ${issued.skipped} nuclei con dati mancanti non hanno ricevuto la lettera.`}
            </Alert>
          ) : (
            <>
              <TextField
                select
                label="Modello di lettera"
                value={templateId}
                onChange={(e) => {
                  setTemplateId(Number(e.target.value));
                  reset();
                }}
                required
                sx={{ maxWidth: 520 }}
              >
                {active.map((t) => (
                  <MenuItem key={t.id} value={t.id}>
                    {t.name}
                  </MenuItem>
                ))}
              </TextField>
              {target.kind === 'building' && staircases.length > 1 && (
                <Box>
                  <Typography variant="subtitle2">Scale (nessuna scelta: tutte)</Typography>
                  <FormGroup row>
                    {staircases.map((s) => (
                      <FormControlLabel
                        key={s}
                        label={s === '' ? 'Senza scala' : `Scala ${s}`}
                        control={
                          <Checkbox
                            checked={chosenStairs.includes(s)}
                            onChange={(e) => {
                              setChosenStairs(
                                e.target.checked ? [...chosenStairs, s] : chosenStairs.filter((x) => x !== s),
                              );
                              reset();
                            }}
                          />
                        }
                      />
                    ))}
                  </FormGroup>
                </Box>
              )}
              {needsMeeting && (
                <Stack spacing={2}>
                  <Typography variant="subtitle2">Dati dell’incontro</Typography>
                  <Stack direction="row" spacing={2}>
                    <TextField
                      type="date"
                      label="Data dell’incontro"
                      value={meeting.date}
                      onChange={(e) => {
                        setMeeting({ ...meeting, date: e.target.value });
                        reset();
                      }}
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                      type="time"
                      label="Ora dell’incontro"
                      value={meeting.time}
                      onChange={(e) => {
                        setMeeting({ ...meeting, time: e.target.value });
                        reset();
                      }}
                      slotProps={{ inputLabel: { shrink: true } }}
                    />
                    <TextField
                      label="Luogo dell’incontro"
                      value={meeting.place}
                      onChange={(e) => {
                        setMeeting({ ...meeting, place: e.target.value });
                        reset();
                      }}
                      sx={{ flex: 1 }}
                    />
                  </Stack>
                  <TextField
                    label="Ordine del giorno"
                    value={meeting.agenda}
                    multiline
                    minRows={2}
                    onChange={(e) => {
                      setMeeting({ ...meeting, agenda: e.target.value });
                      reset();
                    }}
                  />
                </Stack>
              )}
            </>
          )}
          {preview && !issued && (
            <PreviewSummary
              preview={preview}
              includeIncomplete={includeIncomplete}
              setIncludeIncomplete={setIncludeIncomplete}
            />
          )}
          {preview && (
            <Box
              component="iframe"
              title="Anteprima delle prime lettere"
              sandbox=""
              srcDoc={preview.html}
              sx={{ width: '100%', height: 560, border: 1, borderColor: 'divider', bgcolor: '#eee' }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{issued ? 'Chiudi' : 'Annulla'}</Button>
        {issued ? (
          issued.outcome === 'pdf' && (
            <Button variant="contained" onClick={() => void save(issued.fileId)}>
              Salva di nuovo il PDF
            </Button>
          )
        ) : (
          <>
            <Button
              variant={preview ? 'outlined' : 'contained'}
              onClick={() => void runPreview()}
              disabled={busy}
            >
              {preview ? 'Aggiorna anteprima' : 'Anteprima'}
            </Button>
            {preview && (
              <>
                <Button
                  variant={preview.canPrint ? 'outlined' : 'contained'}
                  onClick={() => void runIssue('pdf')}
                  disabled={issue.isPending || toIssue === 0 || preview.batchProblems.length > 0}
                >
                  {issue.isPending
                    ? 'Preparazione in corso…'
                    : `Emetti ${lettersLabel(toIssue)} e salva il PDF`}
                </Button>
                {preview.canPrint && (
                  <Button
                    variant="contained"
                    onClick={() => void runIssue('stampa')}
                    disabled={issue.isPending || toIssue === 0 || preview.batchProblems.length > 0}
                  >
                    {`Emetti ${lettersLabel(toIssue)} e stampa`}
                  </Button>
                )}
              </>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}

function PreviewSummary({
  preview,
  includeIncomplete,
  setIncludeIncomplete,
}: {
  preview: CallOutput<'letters.preview'>;
  includeIncomplete: boolean;
  setIncludeIncomplete: (v: boolean) => void;
}) {
  return (
    <Stack spacing={1}>
      <Typography>
        {preview.households === 1 ? '1 nucleo' : `${preview.households} nuclei`}: {preview.complete} con tutti
        i dati
        {preview.warnings.length > 0 && `, ${preview.warnings.length} con dati mancanti`}. Modello «
        {preview.templateName}», versione {preview.version}. Anteprima delle prime {preview.shown} lettere (i
        numeri di protocollo sono indicativi).
      </Typography>
      {preview.batchProblems.map((p) => (
        <Alert key={p} severity="error">
          {p}
        </Alert>
      ))}
      {preview.warnings.length > 0 && (
        <Alert severity="warning">
          <Typography variant="body2" sx={{ mb: 1 }}>
            Dati mancanti: questi nuclei non ricevono la lettera, salvo scegliere di includerli (il dato
            mancante è stampato come «dato non disponibile»).
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2, maxHeight: 160, overflow: 'auto' }}>
            {preview.warnings.map((w) => (
              <li key={w.householdId}>
                {w.code} {w.name ?? '(senza intestatario)'}: manca {w.missing.join(', ').toLowerCase()}
              </li>
            ))}
          </Box>
          <FormControlLabel
            control={
              <Checkbox
                checked={includeIncomplete}
                onChange={(e) => setIncludeIncomplete(e.target.checked)}
              />
            }
            label="Includi anche i nuclei con dati mancanti"
          />
        </Alert>
      )}
    </Stack>
  );
}
