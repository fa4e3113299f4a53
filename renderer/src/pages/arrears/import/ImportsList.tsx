import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { ImportRow } from '../../../../../shared/contract';
import { useApiQuery } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ServerGrid, useGridQuery } from '../../../components/ServerGrid';
import { ImportDetailDialog } from './ImportDetailDialog';
import { importColumns } from './importColumns';
import { UndoImportDialog } from './UndoImportDialog';

type Open = { kind: 'detail'; id: number } | { kind: 'undo'; id: number } | null;

/** The log of imports, newest first, paged by the server; a row opens its details. */
export function ImportsList() {
  const [grid, setGrid] = useGridQuery<'importedAt'>({ sortField: 'importedAt', sortDir: 'desc' });
  const list = useApiQuery('arrears.imports', {
    page: grid.page,
    pageSize: grid.pageSize,
    sortDir: grid.sortDir,
  });
  const [open, setOpen] = useState<Open>(null);
  const columns = useMemo(() => importColumns((row) => setOpen({ kind: 'undo', id: row.id })), []);
  // The row as last read: after an undo the list reloads.
  const current: ImportRow | undefined = list.value?.rows.find((row) => row.id === open?.id);

  return (
    <>
      {list.error && (
        <Box sx={{ mb: 2 }}>
          <ErrorNotice error={list.error} onRetry={list.refetch} />
        </Box>
      )}
      <ServerGrid
        ariaLabel="Importazioni della morosità"
        rows={list.value?.rows}
        total={list.value?.total}
        loading={list.isPending}
        columns={columns}
        sortFields={{ importedAt: 'importedAt' }}
        {...grid}
        onChange={setGrid}
        onRowOpen={(row) => setOpen({ kind: 'detail', id: row.id })}
        emptyText={
          <Stack spacing={1.5} sx={{ alignItems: 'center', maxWidth: 560 }}>
            <Typography color="text.secondary">
              Nessuna importazione. Qui compariranno gli estratti della morosità importati, con chi li ha
              importati e quando; ciascuno si può annullare finché un’importazione successiva non tocca gli
              stessi mesi.
            </Typography>
            <Button
              variant="outlined"
              startIcon={<UploadIcon />}
              component={RouterLink}
              to="/morosita/importa"
            >
              Importa estratto
            </Button>
          </Stack>
        }
      />
      {open?.kind === 'detail' && current && (
        <ImportDetailDialog
          row={current}
          onClose={() => setOpen(null)}
          onUndo={() => setOpen({ kind: 'undo', id: current.id })}
        />
      )}
      {open?.kind === 'undo' && current && <UndoImportDialog row={current} onClose={() => setOpen(null)} />}
    </>
  );
}
