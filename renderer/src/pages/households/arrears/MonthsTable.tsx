import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useId, useState } from 'react';
import type { ArrearsHousehold } from '../../../../../shared/contract';
import { formatMoney } from '../../../../../shared/format';
import { formatPeriod } from './format';

/** The statements month by month, newest first: the chart's table alternative, shown on request. */
export function MonthsTable({ series }: { series: ArrearsHousehold['series'] }) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const rows = [...series].reverse();
  return (
    <Box>
      <Button
        size="small"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        aria-controls={tableId}
      >
        {open ? 'Nascondi la tabella dei mesi' : `Mostra la tabella dei mesi (${series.length})`}
      </Button>
      {open && (
        <Box
          id={tableId}
          sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, mt: 1 }}
        >
          <Table size="small" stickyHeader aria-label="Estratti mese per mese">
            <TableHead>
              <TableRow>
                <TableCell>Mese</TableCell>
                <TableCell align="right">Dovuto</TableCell>
                <TableCell align="right">Versato</TableCell>
                <TableCell align="right">Saldo</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((point) => (
                <TableRow key={point.period}>
                  <TableCell>{formatPeriod(point.period)}</TableCell>
                  <TableCell align="right">{formatMoney(point.dueCents)}</TableCell>
                  <TableCell align="right">{formatMoney(point.paidCents)}</TableCell>
                  <TableCell align="right" sx={{ fontWeight: 600 }}>
                    {formatMoney(point.balanceCents)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
