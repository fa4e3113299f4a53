import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TablePagination from '@mui/material/TablePagination';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../buildings/useDebounced';
import { ActivitiesTable } from './ActivitiesTable';
import { ActivityDialog } from './ActivityDialog';

/** Every community activity the operator may see, newest first. */
export function ActivitiesPage() {
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const [adding, setAdding] = useState(false);
  const list = useApiQuery('activities.list', { page, pageSize, q: debounced });
  return (
    <>
      <PageHeader
        title="Attività comunitarie"
        action={
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Nuova attività
          </Button>
        }
      />
      <Stack direction="row" sx={{ mb: 2 }}>
        <TextField
          label="Cerca per titolo o luogo"
          size="small"
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
            setPage(0);
          }}
          sx={{ minWidth: 320 }}
        />
      </Stack>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.refetch} />
      ) : !list.value ? (
        <Loading label="Caricamento delle attività" />
      ) : list.value.total === 0 ? (
        <Box sx={{ py: 4 }}>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            Nessuna attività. Qui compariranno gli incontri di caseggiato, i laboratori, le feste e le altre
            attività comunitarie, con le presenze.
          </Typography>
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setAdding(true)}>
            Registra la prima attività
          </Button>
        </Box>
      ) : (
        <Paper variant="outlined">
          <ActivitiesTable rows={list.value.rows} label="Attività comunitarie" />
          <TablePagination
            component="div"
            count={list.value.total}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[25, 50, 100]}
            onPageChange={(_event, next) => setPage(next)}
            onRowsPerPageChange={(event) => {
              setPageSize(Number(event.target.value));
              setPage(0);
            }}
            labelRowsPerPage="Righe per pagina"
            labelDisplayedRows={({ from, to, count }) => `${from}–${to} di ${count}`}
          />
        </Paper>
      )}
      {adding && <ActivityDialog onClose={() => setAdding(false)} />}
    </>
  );
}
