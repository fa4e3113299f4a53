import EditIcon from '@mui/icons-material/EditOutlined';
import GroupAddIcon from '@mui/icons-material/GroupAddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { CallOutput } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { floorLabel } from '../../registry/labels';
import { PageBreadcrumbs } from './PageBreadcrumbs';
import { UnitDialog } from './UnitDialog';

type History = CallOutput<'units.get'>['history'];

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}

function HistoryTable({ history }: { history: History }) {
  if (history.length === 0) {
    return (
      <Typography color="text.secondary">
        Nessun nucleo ha ancora abitato qui. Quando un nucleo viene registrato o trasferito in questo
        alloggio, compare in questo elenco con le date.
      </Typography>
    );
  }
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Chi ci ha abitato">
        <TableHead>
          <TableRow>
            <TableCell>Nucleo</TableCell>
            <TableCell>Dal</TableCell>
            <TableCell>Al</TableCell>
            <TableCell>Motivo</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {history.map((entry) => (
            <TableRow key={`${entry.householdId}-${entry.from}`}>
              <TableCell component="th" scope="row">
                <Link component={RouterLink} to={`/nuclei/${entry.householdId}`}>
                  {entry.householdCode}
                  {entry.referenceName ? ` · ${entry.referenceName}` : ''}
                </Link>
              </TableCell>
              <TableCell>{formatDate(entry.from)}</TableCell>
              <TableCell>{entry.to === null ? 'ci abita ora' : formatDate(entry.to)}</TableCell>
              <TableCell>{entry.reason || '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** A unit: its data, who lives there now, and who lived there when. */
export function UnitPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const page = useApiQuery('units.get', { id: valid ? id : 0 });
  const [editing, setEditing] = useState(false);
  const data = page.value;
  const title = data?.unit.label ?? 'Alloggio';
  useEffect(() => {
    document.title = `${title} · Cortile`;
  }, [title]);

  if (page.error) {
    return (
      <Box sx={{ pt: 3 }}>
        <ErrorNotice error={page.error} onRetry={page.refetch} />
      </Box>
    );
  }
  if (!data) return <Loading label="Caricamento dell’alloggio" />;
  const { unit, buildingAddress, history } = data;

  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: 'Caseggiati', to: '/caseggiati' },
          { label: buildingAddress, to: `/caseggiati/${unit.buildingId}` },
          { label: unit.label },
        ]}
      />
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', justifyContent: 'space-between', pt: 1, pb: 3 }}
      >
        <Box>
          <Typography variant="h1">{unit.label}</Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {buildingAddress}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            Modifica
          </Button>
          {!unit.household && (
            <Button
              variant="contained"
              startIcon={<GroupAddIcon />}
              component={RouterLink}
              to={`/nuclei/nuovo?unitId=${unit.id}`}
            >
              Aggiungi nucleo
            </Button>
          )}
        </Stack>
      </Stack>

      <Paper variant="outlined" sx={{ p: 2.5, mb: 3 }}>
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
            gap: 2,
          }}
        >
          <Fact label="Scala">{unit.staircase || '—'}</Fact>
          <Fact label="Piano">{floorLabel(unit.floor).replace('piano ', '')}</Fact>
          <Fact label="Interno">{unit.number}</Fact>
          <Fact label="Codice alloggio">{unit.agencyCode ?? '—'}</Fact>
          <Fact label="Vani">{unit.rooms ?? '—'}</Fact>
          <Fact label="Superficie">{unit.sizeSqm === null ? '—' : `${unit.sizeSqm} m²`}</Fact>
          <Fact label="Ci abita ora">
            {unit.household ? (
              <Link component={RouterLink} to={`/nuclei/${unit.household.id}`}>
                {unit.household.code}
                {unit.household.referenceName ? ` · ${unit.household.referenceName}` : ''}
              </Link>
            ) : (
              'Libero'
            )}
          </Fact>
        </Box>
      </Paper>

      <Typography variant="h2" sx={{ mb: 1.5 }}>
        Chi ci ha abitato
      </Typography>
      <HistoryTable history={history} />
      {editing && <UnitDialog buildingId={unit.buildingId} unit={unit} onClose={() => setEditing(false)} />}
    </>
  );
}
