import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link as RouterLink } from 'react-router';
import type { MeetingAction } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';

/** Actions with their assignee, due date and state; `withOrigin` adds the meeting and household. */
export function ActionsTable({
  actions,
  label,
  withOrigin = false,
}: {
  actions: readonly MeetingAction[];
  label: string;
  withOrigin?: boolean;
}) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {withOrigin && <TableCell>Riunione</TableCell>}
          {withOrigin && <TableCell>Nucleo</TableCell>}
          <TableCell>Azione</TableCell>
          <TableCell>Chi</TableCell>
          <TableCell>Entro il</TableCell>
          <TableCell>Stato</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {actions.map((action) => (
          <TableRow key={action.id}>
            {withOrigin && (
              <TableCell>
                <Link component={RouterLink} to={`/equipe/${action.meetingId}`}>
                  {formatDate(action.meetingHeldOn)}
                </Link>
              </TableCell>
            )}
            {withOrigin && (
              <TableCell>
                <Link component={RouterLink} to={`/nuclei/${action.householdId}`}>
                  {action.householdCode}
                </Link>
              </TableCell>
            )}
            <TableCell>{action.text}</TableCell>
            <TableCell>{action.assigneeName}</TableCell>
            <TableCell>{formatDate(action.dueOn)}</TableCell>
            <TableCell>
              {action.done ? (
                <Chip
                  size="small"
                  variant="outlined"
                  color="success"
                  label={`Fatta il ${formatDate(action.doneAt)}`}
                />
              ) : (
                <Chip size="small" variant="outlined" label="Aperta" />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
