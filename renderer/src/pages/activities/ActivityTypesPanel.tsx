import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { activityTypesCreateInput, type ActivityType } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useNotify } from '../../feedback/NotifyContext';
import { RowActions } from '../lists/RowActions';
import { NameDialog } from '../lists/NameDialog';

const READS = ['activities.types'] as const;

/** The editable list of activity types: add, rename, deactivate and reactivate (never delete). */
export function ActivityTypesPanel() {
  const list = useApiQuery('activities.types', {});
  const [open, setOpen] = useState<{ kind: 'add' } | { kind: 'rename'; type: ActivityType } | null>(null);
  const create = useApiMutation('activities.createType', READS);
  const update = useApiMutation('activities.updateType', READS);
  const notify = useNotify();

  const setActive = async (type: ActivityType, active: boolean) => {
    const result = await update.run({
      id: type.id,
      expectedUpdatedAt: type.updatedAt,
      label: type.label,
      active,
      position: type.position,
    });
    if (result.ok) notify(active ? `Tipo “${type.label}” riattivato` : `Tipo “${type.label}” disattivato`);
    else notify(result.error.message, 'error');
  };

  return (
    <>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography color="text.secondary" sx={{ maxWidth: 760 }}>
          I tipi delle attività comunitarie. Non si cancellano: un tipo disattivato non si può più scegliere,
          ma resta sulle attività già registrate.
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'add' })}>
          Aggiungi tipo
        </Button>
      </Stack>
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {!list.value && !list.error && <Loading label="Caricamento dei tipi di attività" />}
      {list.value && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Tipi di attività">
            <TableHead>
              <TableRow>
                <TableCell>Tipo</TableCell>
                <TableCell>Stato</TableCell>
                <TableCell align="right">Azioni</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.value.types.map((type) => (
                <TableRow key={type.id}>
                  <TableCell
                    component="th"
                    scope="row"
                    sx={{ color: type.active ? undefined : 'text.secondary' }}
                  >
                    {type.label}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      <Chip
                        size="small"
                        variant="outlined"
                        color={type.active ? 'success' : 'default'}
                        label={type.active ? 'Attivo' : 'Disattivato'}
                      />
                      {type.used && <Chip size="small" variant="outlined" label="In uso" />}
                    </Stack>
                  </TableCell>
                  <RowActions
                    name={type.label}
                    active={type.active}
                    pending={update.isPending}
                    onRename={() => setOpen({ kind: 'rename', type })}
                    onSetActive={(active) => void setActive(type, active)}
                  />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open?.kind === 'add' && (
        <NameDialog
          title="Aggiungi tipo di attività"
          label="Tipo di attività"
          submitLabel="Aggiungi"
          initial=""
          schema={activityTypesCreateInput.shape.label}
          serverField="label"
          save={(label) => create.run({ label })}
          pending={create.isPending}
          done="Tipo di attività aggiunto"
          subject="il tipo di attività"
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'rename' && (
        <NameDialog
          title={`Rinomina “${open.type.label}”`}
          label="Tipo di attività"
          submitLabel="Salva"
          initial={open.type.label}
          schema={activityTypesCreateInput.shape.label}
          serverField="label"
          save={(label) =>
            update.run({
              id: open.type.id,
              expectedUpdatedAt: open.type.updatedAt,
              label,
              active: open.type.active,
              position: open.type.position,
            })
          }
          pending={update.isPending}
          done="Tipo di attività salvato"
          subject="il tipo di attività"
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
