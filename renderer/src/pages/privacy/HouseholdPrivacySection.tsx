import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type SyntheticEvent } from 'react';
import { roleAtLeast, type NoticeRow } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiMutation, useApiQuery } from '../../api';
import { deliverFile } from '../../api/deliver';
import { useSession } from '../../app/SessionContext';
import { useNotify } from '../../feedback/NotifyContext';
import { FormDialog } from '../../forms/FormDialog';
import { PageSection } from '../households/PageSection';
import { DayField } from './DayField';

/** Privacy on the household page: the notice per member (with a warning when missing) and the art. 15 export. */
export function HouseholdPrivacySection({ householdId }: { householdId: number }) {
  const { operator } = useSession();
  const query = useApiQuery('privacy.household', { householdId });
  const [editing, setEditing] = useState<NoticeRow | null>(null);
  const [exporting, setExporting] = useState<NoticeRow | null>(null);
  const data = query.value;
  if (!data) return null;
  const canExport = roleAtLeast(operator.role, 'coordinatore');
  return (
    <PageSection title="Privacy" subtitle="informativa e diritti dell’interessato">
      {data.anonymisedAt && (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          Nucleo anonimizzato il {formatDate(data.anonymisedAt)}.
        </Alert>
      )}
      {data.missing > 0 && !data.anonymisedAt && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {data.missing === 1
            ? 'Manca l’informativa privacy firmata di 1 componente.'
            : `Manca l’informativa privacy firmata di ${data.missing} componenti.`}
        </Alert>
      )}
      <Table size="small" aria-label="Informativa privacy dei componenti">
        <TableHead>
          <TableRow>
            <TableCell>Componente</TableCell>
            <TableCell>Consegnata il</TableCell>
            <TableCell>Firmata il</TableCell>
            <TableCell>Versione</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {data.members.map((m) => (
            <TableRow key={m.memberId}>
              <TableCell>
                {m.fullName}
                {m.leftOn && (
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' '}
                    (uscito il {formatDate(m.leftOn)})
                  </Typography>
                )}
              </TableCell>
              <TableCell>{formatDate(m.givenOn)}</TableCell>
              <TableCell>{formatDate(m.signedOn)}</TableCell>
              <TableCell>{m.version ?? '—'}</TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                  <Button
                    size="small"
                    onClick={() => setEditing(m)}
                    aria-label={`Informativa di ${m.fullName}`}
                  >
                    Informativa
                  </Button>
                  {canExport && (
                    <Button
                      size="small"
                      onClick={() => setExporting(m)}
                      aria-label={`Esporta dati della persona: ${m.fullName}`}
                    >
                      Esporta dati della persona
                    </Button>
                  )}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && (
        <NoticeDialog
          key={editing.memberId}
          member={editing}
          currentVersion={data.currentVersion}
          onClose={() => setEditing(null)}
        />
      )}
      {exporting && <ExportDialog member={exporting} onClose={() => setExporting(null)} />}
    </PageSection>
  );
}

function NoticeDialog({
  member,
  currentVersion,
  onClose,
}: {
  member: NoticeRow;
  currentVersion: string;
  onClose: () => void;
}) {
  const notify = useNotify();
  const [givenOn, setGivenOn] = useState(member.givenOn);
  const [signedOn, setSignedOn] = useState(member.signedOn);
  const [version, setVersion] = useState(member.version ?? currentVersion);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useApiMutation('privacy.setNotice', ['privacy.household']);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const result = await save.run({ memberId: member.memberId, givenOn, signedOn, version });
    if (!result.ok) {
      setFields(result.error.fields ?? {});
      setMessage(result.error.fields ? null : result.error.message);
      return;
    }
    notify('Informativa registrata.', 'success');
    onClose();
  };
  return (
    <FormDialog
      open
      title={`Informativa privacy: ${member.fullName}`}
      submitLabel="Salva"
      pending={save.isPending}
      message={message}
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
    >
      <DayField label="Consegnata il" value={givenOn} onChange={setGivenOn} error={fields.givenOn} />
      <DayField label="Firmata il" value={signedOn} onChange={setSignedOn} error={fields.signedOn} />
      <TextField
        size="small"
        label="Versione dell’informativa"
        value={version}
        onChange={(e) => setVersion(e.target.value)}
        error={Boolean(fields.version)}
        helperText={fields.version ?? `Versione in uso: ${currentVersion}`}
      />
    </FormDialog>
  );
}

function ExportDialog({ member, onClose }: { member: NoticeRow; onClose: () => void }) {
  const notify = useNotify();
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const exporter = useApiMutation('privacy.exportPerson');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const result = await exporter.run({ memberId: member.memberId, includeConfidential });
      if (!result.ok) {
        notify(result.error.message, 'error');
        return;
      }
      for (const file of [result.value.pdf, result.value.json]) {
        const delivered = await deliverFile(file.id);
        if (!delivered.ok) {
          notify(delivered.error.message, 'error');
          return;
        }
        if (delivered.value.result === 'cancelled') return;
      }
      notify('Dati della persona esportati (PDF e JSON).', 'success');
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="privacy-export-title">
      <DialogTitle id="privacy-export-title">Esporta dati della persona</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1.5 }}>
          Un PDF e un file JSON con tutti i dati conservati su {member.fullName}: anagrafica, interventi,
          morosità, lettere, attività e operatori che hanno consultato la scheda (art. 15 GDPR).
        </Typography>
        <FormControlLabel
          control={
            <Checkbox
              checked={includeConfidential}
              onChange={(e) => setIncludeConfidential(e.target.checked)}
            />
          }
          label="Includi le note riservate"
        />
        <Typography variant="body2" color="text.secondary">
          La scelta spetta al coordinatore: le note riservate possono contenere valutazioni o dati di terzi.
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          Annulla
        </Button>
        <Button variant="contained" onClick={() => void run()} disabled={busy}>
          {busy ? 'Preparazione…' : 'Esporta'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
