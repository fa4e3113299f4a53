import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Link from '@mui/material/Link';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { roleAtLeast } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { MeetingDialog } from './MeetingDialog';

const PAGE_SIZE = 25;

/** The team meetings, newest first; an operatore sees those they took part in. */
export function MeetingsPage() {
  const { operator } = useSession();
  const coordinator = roleAtLeast(operator.role, 'coordinatore');
  const [page, setPage] = useState(0);
  const [creating, setCreating] = useState(false);
  const list = useApiQuery('meetings.list', { page, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeader
        title="Riunioni d’équipe"
        action={
          coordinator && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              Nuova riunione
            </Button>
          )
        }
      />
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.isPending && !list.error && <Loading label="Caricamento delle riunioni" />}
      {list.value && list.value.total === 0 && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography sx={{ fontWeight: 600 }}>Nessuna riunione d’équipe.</Typography>
          <Typography color="text.secondary" sx={{ mt: 1 }}>
            {coordinator
              ? 'Le riunioni raccolgono i nuclei segnalati «porta in équipe», le decisioni e le azioni. Creare la prima con «Nuova riunione».'
              : 'Qui compaiono le riunioni d’équipe a cui si è partecipato.'}
          </Typography>
        </Paper>
      )}
      {list.value && list.value.total > 0 && (
        <Paper variant="outlined">
          <Table aria-label="Riunioni d’équipe">
            <TableHead>
              <TableRow>
                <TableCell>Data</TableCell>
                <TableCell>Partecipanti</TableCell>
                <TableCell align="right">Casi</TableCell>
                <TableCell align="right">Azioni</TableCell>
                <TableCell align="right">Aperte</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.value.rows.map((row) => (
                <TableRow key={row.id} hover>
                  <TableCell>
                    <Link component={RouterLink} to={`/equipe/${row.id}`}>
                      {`Riunione del ${formatDate(row.heldOn)}`}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {row.participantNames.join(', ')}
                    {row.guestCount > 0 &&
                      ` e ${row.guestCount === 1 ? '1 esterno' : `${row.guestCount} esterni`}`}
                  </TableCell>
                  <TableCell align="right">{row.caseCount}</TableCell>
                  <TableCell align="right">{row.actionCount}</TableCell>
                  <TableCell align="right">{row.openActionCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={list.value.total}
            page={page}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_event, next) => setPage(next)}
            labelDisplayedRows={({ from, to, count }) => `${from}–${to} di ${count}`}
          />
        </Paper>
      )}
      <MeetingDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
