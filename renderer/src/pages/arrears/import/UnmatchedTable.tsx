import LinkIcon from '@mui/icons-material/Link';
import SkipIcon from '@mui/icons-material/NotInterested';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatMoney } from '../../../../../shared/format';
import type { PreviewUnmatchedRow } from '../../../../../shared/contract';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { formatCount, formatPeriod } from './format';
import { LinkUnitDialog } from './LinkUnitDialog';
import { usePaged } from './Paged';
import type { Resolution } from './useImportWizard';

interface Props {
  rows: readonly PreviewUnmatchedRow[];
  resolutions: ReadonlyMap<number, Resolution>;
  resolve: (lines: readonly number[], resolution: Resolution | null) => void;
}

const sameCodeLines = (rows: readonly PreviewUnmatchedRow[], row: PreviewUnmatchedRow): number[] =>
  row.unitCode === null
    ? [row.line]
    : rows.filter((other) => other.unitCode === row.unitCode).map((r) => r.line);

/** What is decided for a row, and the buttons that change it. */
function Decision({
  row,
  resolution,
  onLink,
  onSkip,
  onReset,
  claimFocus,
}: {
  row: PreviewUnmatchedRow;
  resolution: Resolution | undefined;
  onLink: () => void;
  onSkip: () => void;
  onReset: () => void;
  /** True (once) when this row's button was the one pressed. */
  claimFocus: () => boolean;
}) {
  const focusTarget = useRef<HTMLButtonElement>(null);
  const kind = resolution?.kind ?? null;
  // The button just pressed (or the dialog's opener) is gone: the focus goes to the one replacing it.
  // claimFocus reads the table's ref: only a change of decision matters here.
  useEffect(() => {
    if (claimFocus()) focusTarget.current?.focus();
  }, [kind]);

  if (resolution?.kind === 'link') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Stack
          direction="row"
          spacing={0.5}
          sx={{ alignItems: 'center', color: 'success.main', minWidth: 0 }}
        >
          <LinkIcon fontSize="small" aria-hidden />
          <Typography variant="body2" sx={{ color: 'text.primary' }}>
            Collegata a {resolution.label}
          </Typography>
        </Stack>
        <Button
          ref={focusTarget}
          size="small"
          onClick={onReset}
          aria-label={`Annulla il collegamento della riga ${row.line}`}
        >
          Annulla
        </Button>
      </Stack>
    );
  }
  if (resolution?.kind === 'skip') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', color: 'text.secondary' }}>
          <SkipIcon fontSize="small" aria-hidden />
          <Typography variant="body2">Saltata: non verrà importata</Typography>
        </Stack>
        <Button
          ref={focusTarget}
          size="small"
          onClick={onReset}
          aria-label={`Ripristina la riga ${row.line}`}
        >
          Ripristina
        </Button>
      </Stack>
    );
  }
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <Button
        ref={focusTarget}
        size="small"
        variant="outlined"
        onClick={onLink}
        aria-label={`Collega a un alloggio la riga ${row.line}`}
      >
        Collega a un alloggio
      </Button>
      <Button size="small" onClick={onSkip} aria-label={`Salta la riga ${row.line}`}>
        Salta
      </Button>
    </Stack>
  );
}

/** The rows matched to no unit: link each to a unit, or skip it. */
export function UnmatchedTable({ rows, resolutions, resolve }: Props) {
  const [linking, setLinking] = useState<PreviewUnmatchedRow | null>(null);
  /** The row whose button was pressed: its replacement button takes the focus. */
  const focusLine = useRef<number | null>(null);
  const restoreAll = useRef<HTMLButtonElement>(null);
  const focusRestoreAll = useRef(false);
  const claimFocus = useCallback((line: number) => {
    if (focusLine.current !== line) return false;
    focusLine.current = null;
    return true;
  }, []);
  const { shown, pager } = usePaged(rows);
  const open = rows.filter((row) => !resolutions.has(row.line));
  const linked = rows.filter((row) => resolutions.get(row.line)?.kind === 'link').length;
  const skipped = rows.filter((row) => resolutions.get(row.line)?.kind === 'skip').length;
  const withTaxCode = rows.some((row) => row.taxCode !== null);

  // After "Salta tutte le rimanenti" (now disabled), the focus goes to the button that undoes it.
  useEffect(() => {
    if (focusRestoreAll.current && skipped > 0) {
      focusRestoreAll.current = false;
      restoreAll.current?.focus();
    }
  }, [skipped]);

  return (
    <>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 1.5, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', rowGap: 1 }}
      >
        <Typography variant="body2" aria-live="polite">
          {`${formatCount(linked)} collegate, ${formatCount(skipped)} saltate, `}
          <Box component="strong" sx={{ color: open.length > 0 ? 'warning.main' : undefined }}>
            {`${formatCount(open.length)} da decidere`}
          </Box>
          .
        </Typography>
        <Stack direction="row" spacing={1}>
          {skipped > 0 && (
            <Button
              ref={restoreAll}
              onClick={() =>
                resolve(
                  rows.filter((row) => resolutions.get(row.line)?.kind === 'skip').map((row) => row.line),
                  null,
                )
              }
            >
              Ripristina le saltate
            </Button>
          )}
          <Button
            variant="outlined"
            disabled={open.length === 0}
            onClick={() => {
              focusRestoreAll.current = true;
              resolve(
                open.map((row) => row.line),
                { kind: 'skip' },
              );
            }}
          >
            {open.length > 0
              ? `Salta tutte le rimanenti (${formatCount(open.length)})`
              : 'Salta tutte le rimanenti'}
          </Button>
        </Stack>
      </Stack>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Righe non abbinate">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 60 }}>Riga</TableCell>
              <TableCell>Codice alloggio</TableCell>
              <TableCell>Intestatario</TableCell>
              {withTaxCode && <TableCell>Codice fiscale</TableCell>}
              <TableCell>Periodo</TableCell>
              <TableCell align="right">Saldo</TableCell>
              <TableCell sx={{ width: '38%' }}>
                <Box component="span" sx={visuallyHidden}>
                  Decisione
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((row) => {
              const resolution = resolutions.get(row.line);
              return (
                <TableRow
                  key={row.line}
                  sx={resolution?.kind === 'skip' ? { '& td': { color: 'text.secondary' } } : undefined}
                >
                  <TableCell>{row.line}</TableCell>
                  <TableCell>{row.unitCode ?? '—'}</TableCell>
                  <TableCell>{row.tenantName ?? '—'}</TableCell>
                  {withTaxCode && <TableCell>{row.taxCode ?? '—'}</TableCell>}
                  <TableCell>{formatPeriod(row.period)}</TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(row.balanceCents)}
                  </TableCell>
                  <TableCell sx={{ py: 0.5 }}>
                    <Decision
                      row={row}
                      resolution={resolution}
                      claimFocus={() => claimFocus(row.line)}
                      onLink={() => {
                        focusLine.current = row.line;
                        setLinking(row);
                      }}
                      onSkip={() => {
                        focusLine.current = row.line;
                        resolve([row.line], { kind: 'skip' });
                      }}
                      onReset={() => {
                        focusLine.current = row.line;
                        resolve(resolution?.kind === 'link' ? sameCodeLines(rows, row) : [row.line], null);
                      }}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {pager}
      </TableContainer>
      {linking && (
        <LinkUnitDialog
          row={linking}
          sameCode={sameCodeLines(rows, linking).length}
          onClose={() => {
            focusLine.current = null;
            setLinking(null);
          }}
          onLink={(unit) => {
            // The code is remembered for one unit: all its rows go there.
            resolve(sameCodeLines(rows, linking), { kind: 'link', unitId: unit.unitId, label: unit.label });
            setLinking(null);
          }}
        />
      )}
    </>
  );
}
