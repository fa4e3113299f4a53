import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link as RouterLink } from 'react-router';
import type { Group } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { GROUP_STATUS_LABELS } from './labels';

/** Groups as rows: name (a link), status, buildings, referents, activities. */
export function GroupsTable({ groups, label }: { groups: readonly Group[]; label: string }) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell>Gruppo</TableCell>
          <TableCell>Stato</TableCell>
          <TableCell>Caseggiati</TableCell>
          <TableCell>Referenti</TableCell>
          <TableCell align="right">Attività</TableCell>
          <TableCell>Ultima attività</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map((group) => (
          <TableRow key={group.id} hover>
            <TableCell>
              <Link component={RouterLink} to={`/gruppi/${group.id}`}>
                {group.name}
              </Link>
            </TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                color={group.status === 'attivo' ? 'success' : 'default'}
                label={GROUP_STATUS_LABELS[group.status]}
              />
            </TableCell>
            <TableCell>{group.buildings.map((b) => b.address).join(', ')}</TableCell>
            <TableCell>{group.referents.map((r) => r.name ?? r.householdCode).join(', ') || '—'}</TableCell>
            <TableCell align="right">{group.activityCount}</TableCell>
            <TableCell>{formatDate(group.lastActivityOn)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
