import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Link from '@mui/material/Link';
import { Link as RouterLink } from 'react-router';
import type { ActivityRow } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';

/** Activities as rows: date, title (a link), type, where, how many came. */
export function ActivitiesTable({ rows, label }: { rows: readonly ActivityRow[]; label: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Data</TableCell>
          <TableCell>Attività</TableCell>
          <TableCell>Tipo</TableCell>
          <TableCell>Dove</TableCell>
          <TableCell align="right">Nuclei presenti</TableCell>
          <TableCell align="right">Altri partecipanti</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.id} hover>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {formatDate(row.heldOn)} {row.startsAt}
            </TableCell>
            <TableCell>
              <Link component={RouterLink} to={`/attivita/${row.id}`}>
                {row.title}
              </Link>
              {row.groupName ? ` · ${row.groupName}` : ''}
              {row.seriesId !== null ? ' · serie' : ''}
            </TableCell>
            <TableCell>{row.typeLabel}</TableCell>
            <TableCell>{row.where}</TableCell>
            <TableCell align="right">{row.present}</TableCell>
            <TableCell align="right">{row.guests}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
