import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { formatMoney } from '../../../../../shared/format';
import type { ImportPreview } from '../../../../../shared/contract';
import { formatPeriod } from './format';
import { usePaged } from './Paged';

const MATCHED_BY = {
  unitCode: 'Codice alloggio',
  alias: 'Codice collegato',
  taxCode: 'Codice fiscale',
} as const;

/** The first matched rows: where each goes and with what amounts. */
export function MatchedTable({ rows }: { rows: ImportPreview['matched'] }) {
  const { shown, pager } = usePaged(rows);
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table
        size="small"
        aria-label="Righe abbinate"
        sx={{ '& td, & th': { whiteSpace: 'nowrap' }, '& td.wrap': { whiteSpace: 'normal' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>Riga</TableCell>
            <TableCell>Codice alloggio</TableCell>
            <TableCell>Alloggio</TableCell>
            <TableCell>Nucleo</TableCell>
            <TableCell>Abbinata per</TableCell>
            <TableCell>Periodo</TableCell>
            <TableCell align="right">Dovuto</TableCell>
            <TableCell align="right">Versato</TableCell>
            <TableCell align="right">Saldo</TableCell>
            <TableCell>Esito</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={row.line}>
              <TableCell>{row.line}</TableCell>
              <TableCell>{row.unitCode ?? '—'}</TableCell>
              <TableCell className="wrap">
                <Link component={RouterLink} to={`/alloggi/${row.unitId}`} underline="hover">
                  {row.buildingAddress}
                </Link>
                <Typography variant="body2" color="text.secondary">
                  {row.unitLabel}
                </Typography>
              </TableCell>
              <TableCell>
                {row.householdId !== null ? (
                  <Link component={RouterLink} to={`/nuclei/${row.householdId}`} underline="hover">
                    {row.householdCode ?? 'Nucleo'}
                  </Link>
                ) : (
                  <Typography variant="body2" color="text.secondary">
                    Nessuno
                  </Typography>
                )}
              </TableCell>
              <TableCell>{MATCHED_BY[row.matchedBy]}</TableCell>
              <TableCell>{formatPeriod(row.period)}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatMoney(row.dueCents)}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {formatMoney(row.paidCents)}
              </TableCell>
              <TableCell
                align="right"
                sx={{ whiteSpace: 'nowrap', fontWeight: row.balanceCents > 0 ? 600 : 400 }}
              >
                {formatMoney(row.balanceCents)}
              </TableCell>
              <TableCell>
                {row.unchanged ? (
                  <Chip size="small" variant="outlined" label="Già presente e uguale" />
                ) : (
                  <Chip size="small" variant="outlined" color="primary" label="Da scrivere" />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pager}
    </TableContainer>
  );
}
