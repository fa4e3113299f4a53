import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Paper from '@mui/material/Paper';
import type { Operator } from '../../../../shared/contract';
import { formatDateTime, ROLE_LABELS } from '../../../../shared/format';
import { visuallyHidden } from '../../components/visuallyHidden';
import { OperatorActions, type OperatorAction } from './OperatorActions';
import { OperatorStatus } from './OperatorStatus';

interface Props {
  operators: readonly Operator[];
  selfId: number;
  onAction: (action: OperatorAction, operator: Operator) => void;
}

export function OperatorsTable({ operators, selfId, onAction }: Props) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Operatori">
        <TableHead>
          <TableRow>
            <TableCell>Nome e cognome</TableCell>
            <TableCell>Nome utente</TableCell>
            <TableCell>Ruolo</TableCell>
            <TableCell>Stato</TableCell>
            <TableCell>Ultimo accesso</TableCell>
            <TableCell align="right">
              <Box component="span" sx={visuallyHidden}>
                Azioni
              </Box>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {operators.map((operator) => (
            <TableRow key={operator.id} hover>
              <TableCell component="th" scope="row">
                {operator.fullName}
              </TableCell>
              <TableCell>{operator.username}</TableCell>
              <TableCell>{ROLE_LABELS[operator.role]}</TableCell>
              <TableCell>
                <OperatorStatus operator={operator} />
              </TableCell>
              <TableCell>{formatDateTime(operator.lastLoginAt)}</TableCell>
              <TableCell align="right" sx={{ py: 0 }}>
                <OperatorActions operator={operator} isSelf={operator.id === selfId} onAction={onAction} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
