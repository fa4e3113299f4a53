import PrintIcon from '@mui/icons-material/PrintOutlined';
import TableIcon from '@mui/icons-material/TableChartOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type ReactNode } from 'react';
import './dashboard-print.css';

export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart with its title, its numbers as a table («Tabella») and «Stampa», which prints this
 * card alone (print CSS hides the rest of the page). When `empty` is a sentence the chart is
 * replaced by it: why there is nothing to draw.
 */
export function ChartCard({
  title,
  subtitle,
  table,
  empty,
  children,
}: {
  title: string;
  subtitle?: string;
  table: ChartTable;
  empty: string | null;
  children: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const print = () => {
    const card = ref.current;
    if (!card) return;
    card.classList.add('dashboard-print-target');
    document.body.classList.add('dashboard-printing');
    const done = () => {
      card.classList.remove('dashboard-print-target');
      document.body.classList.remove('dashboard-printing');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  return (
    <Paper
      ref={ref}
      variant="outlined"
      component="section"
      aria-labelledby={titleId}
      sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1, minWidth: 0 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h3" component="h2" id={titleId}>
            {title}
          </Typography>
          {subtitle && (
            <Typography variant="body2" color="text.secondary">
              {subtitle}
            </Typography>
          )}
        </Box>
        {empty === null && (
          <Stack direction="row" spacing={0.5} className="dashboard-no-print" sx={{ flexShrink: 0 }}>
            <Button
              size="small"
              startIcon={<TableIcon />}
              aria-pressed={showTable}
              onClick={() => setShowTable((shown) => !shown)}
            >
              Tabella
            </Button>
            <Button size="small" startIcon={<PrintIcon />} onClick={print}>
              Stampa
            </Button>
          </Stack>
        )}
      </Stack>
      {empty !== null ? (
        <Typography color="text.secondary" sx={{ py: 3 }}>
          {empty}
        </Typography>
      ) : showTable ? (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={`${title}: dati`}>
            <TableHead>
              <TableRow>
                {table.columns.map((column, i) => (
                  <TableCell key={column} align={i === 0 ? 'left' : 'right'}>
                    {column}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((row, r) => (
                <TableRow key={r}>
                  {row.map((cell, i) => (
                    <TableCell key={i} align={i === 0 ? 'left' : 'right'}>
                      {cell}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      ) : (
        children
      )}
    </Paper>
  );
}
