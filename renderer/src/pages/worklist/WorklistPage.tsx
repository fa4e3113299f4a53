import MailIcon from '@mui/icons-material/MailOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { riskBandSchema, roleAtLeast } from '../../../../shared/contract';
import { RISK_BAND_LABELS, RISK_BANDS } from '../../../../shared/risk/score';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { InterventionDialog } from '../../casework/InterventionDialog';
import { IssueLettersDialog } from '../letters/IssueLettersDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeader } from '../../components/PageHeader';
import { ServerGrid, useGridQuery } from '../../components/ServerGrid';
import { useDirectory } from '../../registry/useLists';
import { monthName } from '../households/arrears/format';
import { worklistColumns, type WorklistGridRow } from './worklistColumns';

function idParam(value: string | null): number | null {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** What the list leaves out, in one sentence. */
function hiddenLine(contactDays: number): string {
  const contacted =
    contactDays > 0
      ? ` né quelli contattati negli ultimi ${contactDays === 1 ? 'giorno' : `${contactDays} giorni`} (un intervento registrato)`
      : '';
  return `Non compaiono i nuclei con un piano di rientro in regola${contacted}.`;
}

/**
 * "Da contattare": households in arrears, worst band then highest score, with the reasons, the
 * balance and the last contact; recording the contact takes the household off the list.
 */
export function WorklistPage() {
  const { operator } = useSession();
  const coordinator = roleAtLeast(operator.role, 'coordinatore');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const directory = useDirectory();
  const [contact, setContact] = useState<WorklistGridRow | null>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const [lettersOpen, setLettersOpen] = useState(false);

  const operatorId = coordinator ? idParam(params.get('operatore')) : null;
  const parsedBand = riskBandSchema.safeParse(params.get('fascia'));
  const band = parsedBand.success ? parsedBand.data : null;

  const [grid, setGrid, firstPage] = useGridQuery<'rank'>({ sortField: 'rank', sortDir: 'asc' });
  const list = useApiQuery('risk.worklist', { page: grid.page, pageSize: grid.pageSize, operatorId, band });
  const rows = useMemo(() => list.value?.rows.map((row) => ({ ...row, id: row.householdId })), [list.value]);
  const columns = useMemo(() => worklistColumns(setContact), []);

  const setParam = (name: string, value: string | null) => {
    firstPage();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  };

  const closeContact = () => {
    setContact(null);
    // A recorded contact hides the household for a while and changes its score.
    void queryClient.invalidateQueries({ queryKey: ['risk.worklist'] });
    void queryClient.invalidateQueries({ queryKey: ['arrears.household'] });
  };

  const filtered = band !== null || operatorId !== null;
  const emptyText = filtered ? (
    `Nessun nucleo da contattare${band ? ` in fascia ${RISK_BAND_LABELS[band]}` : ''}${
      operatorId ? ` per ${directory.nameOf(operatorId)}` : ''
    }. Provare a togliere un filtro.`
  ) : (
    <Stack spacing={1.5} sx={{ alignItems: 'center', maxWidth: 640 }}>
      <Typography color="text.secondary">
        Nessun nucleo da contattare. Qui compaiono i nuclei in morosità, dal rischio più alto, quando gli
        estratti dell’ente gestore sono stati importati.
      </Typography>
      {coordinator ? (
        <Button component={RouterLink} to="/morosita/importa" variant="outlined" startIcon={<UploadIcon />}>
          Importa estratto
        </Button>
      ) : (
        <Button component={RouterLink} to="/nuclei" variant="outlined">
          Vai ai nuclei
        </Button>
      )}
    </Stack>
  );

  const value = list.value;
  return (
    <>
      <PageHeader title="Da contattare" />
      <Stack direction="row" spacing={2} sx={{ mb: 1.5, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        {coordinator && (
          <TextField
            select
            label="Nuclei di"
            value={operatorId === null ? '' : String(operatorId)}
            onChange={(event) => setParam('operatore', event.target.value)}
            sx={{ width: 260 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value="">Tutti gli operatori</MenuItem>
            {directory.operators.map((entry) => (
              <MenuItem key={entry.id} value={String(entry.id)}>
                {entry.id === operator.id ? `${entry.fullName} (i miei caseggiati)` : entry.fullName}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          select
          label="Fascia"
          value={band ?? ''}
          onChange={(event) => setParam('fascia', event.target.value)}
          sx={{ width: 180 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Tutte le fasce</MenuItem>
          {[...RISK_BANDS].reverse().map((item) => (
            <MenuItem key={item} value={item}>
              {RISK_BAND_LABELS[item]}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="outlined"
          startIcon={<MailIcon />}
          disabled={selected.length === 0}
          onClick={() => setLettersOpen(true)}
        >
          {selected.length === 0
            ? 'Lettera ai nuclei scelti'
            : `Lettera ${selected.length === 1 ? 'al nucleo scelto' : `ai ${selected.length} nuclei scelti`}`}
        </Button>
        {selected.length > 0 && <Button onClick={() => setSelected([])}>Togli la scelta</Button>}
      </Stack>
      <Typography color="text.secondary" sx={{ mb: 2, maxWidth: 980 }}>
        {value
          ? `Punteggi di ${monthName(value.month)}, dalla fascia più alta e poi dal punteggio. ${hiddenLine(value.contactDays)}`
          : 'Nuclei in morosità, dalla fascia più alta e poi dal punteggio.'}
        {!coordinator && ' Sono i nuclei dei caseggiati seguiti.'}
      </Typography>
      {list.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={list.error} onRetry={list.refetch} />
        </Box>
      )}
      <ServerGrid
        ariaLabel="Nuclei da contattare"
        rows={rows}
        total={value?.total}
        loading={list.isPending}
        columns={columns}
        sortFields={{}}
        {...grid}
        onChange={setGrid}
        onRowOpen={(row) => void navigate(`/nuclei/${row.householdId}`)}
        emptyText={emptyText}
        selection={{ ids: selected, onChange: setSelected }}
      />
      <IssueLettersDialog
        open={lettersOpen}
        onClose={() => setLettersOpen(false)}
        target={{ kind: 'households', householdIds: selected }}
        description={selected.length === 1 ? '1 nucleo scelto' : `${selected.length} nuclei scelti`}
      />
      <InterventionDialog
        open={contact !== null}
        onClose={closeContact}
        target={{ kind: 'households', householdIds: contact ? [contact.householdId] : [] }}
      />
    </>
  );
}
