import PrintIcon from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { roleAtLeast, type CallOutput, type PrivacySettings } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useNotify } from '../../feedback/NotifyContext';
import { FormMessage } from '../../forms/FormMessage';
import { PageSection } from '../households/PageSection';
import { RegisterDocument } from './RegisterDocument';

/** «Privacy»: settings (administrators change them), retention and anonymisation, the record of processing. */
export function PrivacyPage() {
  const { operator } = useSession();
  const isAdmin = roleAtLeast(operator.role, 'amministratore');
  const settings = useApiQuery('privacy.settings', {});
  const register = useApiQuery('privacy.register', {});
  if (settings.error) return <ErrorNotice error={settings.error} onRetry={settings.refetch} />;
  if (!settings.value) return <Loading label="Caricamento delle impostazioni privacy" />;
  return (
    <>
      <PageHeader
        title="Privacy"
        action={
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            onClick={() => window.print()}
            disabled={!register.value}
          >
            Stampa il registro dei trattamenti
          </Button>
        }
      />
      <SettingsPanel key={settings.value.updatedAt ?? 'default'} data={settings.value} editable={isAdmin} />
      {isAdmin && <RetentionPanel />}
      {register.value && (
        <PageSection title="Registro dei trattamenti" subtitle="anteprima di stampa">
          <Box sx={{ maxWidth: 900 }}>
            <RegisterDocument data={register.value} />
          </Box>
          {createPortal(
            <div className="print-sheet">
              <RegisterDocument data={register.value} />
            </div>,
            document.body,
          )}
        </PageSection>
      )}
    </>
  );
}

const TEXTS: [keyof PrivacySettings, string][] = [
  ['controller', 'Titolare del trattamento'],
  ['dpoContact', 'Responsabile della protezione dei dati (DPO)'],
  ['purposes', 'Finalità'],
  ['dataSubjects', 'Categorie di interessati'],
  ['dataCategories', 'Categorie di dati'],
  ['recipients', 'Destinatari'],
  ['securityMeasures', 'Misure di sicurezza'],
];

function SettingsPanel({ data, editable }: { data: CallOutput<'privacy.settings'>; editable: boolean }) {
  const notify = useNotify();
  const [values, setValues] = useState<PrivacySettings>(data.settings);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useApiMutation('privacy.updateSettings', [
    'privacy.settings',
    'privacy.register',
    'privacy.retention',
  ]);
  const set = <K extends keyof PrivacySettings>(key: K, value: PrivacySettings[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const result = await save.run({ settings: values, expectedUpdatedAt: data.updatedAt });
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.error.fields ?? {}))
        byField[k.replace(/^settings\./, '')] = v;
      setFields(byField);
      setMessage(result.error.message);
      return;
    }
    setFields({});
    setMessage(null);
    notify('Impostazioni privacy salvate.', 'success');
  };
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return (
    <PageSection title="Conservazione e registro dei trattamenti">
      <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormMessage message={message} />
        <Stack spacing={2} sx={{ maxWidth: 900 }}>
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <TextField
              size="small"
              type="number"
              label="Registro accessi: conservare per mesi"
              value={Number.isNaN(values.auditRetentionMonths) ? '' : values.auditRetentionMonths}
              onChange={(e) => set('auditRetentionMonths', number(e.target.value))}
              error={Boolean(fields.auditRetentionMonths)}
              helperText={fields.auditRetentionMonths ?? 'Almeno 24 mesi.'}
              disabled={!editable}
            />
            <TextField
              size="small"
              type="number"
              label="Nuclei chiusi: anonimizzare dopo anni"
              value={Number.isNaN(values.householdRetentionYears) ? '' : values.householdRetentionYears}
              onChange={(e) => set('householdRetentionYears', number(e.target.value))}
              error={Boolean(fields.householdRetentionYears)}
              helperText={fields.householdRetentionYears ?? 'Dalla chiusura del nucleo.'}
              disabled={!editable}
            />
            <TextField
              size="small"
              label="Versione dell’informativa in uso"
              value={values.noticeVersion}
              onChange={(e) => set('noticeVersion', e.target.value)}
              error={Boolean(fields.noticeVersion)}
              helperText={fields.noticeVersion ?? ' '}
              disabled={!editable}
            />
          </Stack>
          {TEXTS.map(([key, label]) => (
            <TextField
              key={key}
              label={label}
              multiline
              minRows={key === 'controller' || key === 'dpoContact' ? 1 : 2}
              value={values[key]}
              onChange={(e) => set(key, e.target.value as never)}
              error={Boolean(fields[key])}
              helperText={fields[key]}
              disabled={!editable}
            />
          ))}
          {editable && (
            <Box>
              <Button type="submit" variant="contained" disabled={save.isPending}>
                Salva
              </Button>
            </Box>
          )}
        </Stack>
      </Box>
    </PageSection>
  );
}

function RetentionPanel() {
  const notify = useNotify();
  const query = useApiQuery('privacy.retention', {});
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const anonymise = useApiMutation('privacy.anonymise', ['privacy.retention']);
  const data = query.value;
  const run = async () => {
    const ids = [...chosen];
    const ok = window.confirm(
      `Anonimizzare ${ids.length} ${ids.length === 1 ? 'nucleo' : 'nuclei'}? Nomi, codici fiscali, recapiti e note saranno cancellati definitivamente.`,
    );
    if (!ok) return;
    const result = await anonymise.run({ householdIds: ids });
    if (!result.ok) {
      notify(result.error.message, 'error');
      return;
    }
    setChosen(new Set());
    notify(`Anonimizzati ${result.value.anonymised} nuclei.`, 'success');
  };
  return (
    <PageSection
      title="Nuclei da anonimizzare"
      subtitle={data ? `chiusi da oltre ${data.years} anni (entro il ${formatDate(data.cutoff)})` : undefined}
      action={
        <Button
          variant="contained"
          color="error"
          disabled={chosen.size === 0 || anonymise.isPending}
          onClick={() => void run()}
        >
          Anonimizza i selezionati
        </Button>
      }
    >
      {query.error && <ErrorNotice error={query.error} onRetry={query.refetch} />}
      {data && data.rows.length === 0 && (
        <Typography color="text.secondary">
          Nessun nucleo chiuso oltre il periodo di conservazione.
        </Typography>
      )}
      {data && data.rows.length > 0 && (
        <>
          <Alert severity="info" sx={{ mb: 1.5 }}>
            L’anonimizzazione toglie nomi, codici fiscali, recapiti e note; restano il codice del nucleo, le
            date e i conteggi, così i rendiconti passati restano veri.
          </Alert>
          <Paper variant="outlined">
            <Table size="small" aria-label="Nuclei da anonimizzare">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>Codice</TableCell>
                  <TableCell>Stato</TableCell>
                  <TableCell>Chiuso il</TableCell>
                  <TableCell>Componenti</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.rows.map((row) => (
                  <TableRow key={row.householdId}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={chosen.has(row.householdId)}
                        slotProps={{ input: { 'aria-label': `Seleziona ${row.code}` } }}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s);
                            if (e.target.checked) next.add(row.householdId);
                            else next.delete(row.householdId);
                            return next;
                          })
                        }
                      />
                    </TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{row.code}</TableCell>
                    <TableCell>{row.status}</TableCell>
                    <TableCell>{formatDate(row.closedOn)}</TableCell>
                    <TableCell>{row.members}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Paper>
        </>
      )}
    </PageSection>
  );
}
