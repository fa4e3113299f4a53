import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
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
import { areasCreateInput, type Area } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { visuallyHidden } from '../../components/visuallyHidden';
import { useNotify } from '../../feedback/NotifyContext';
import { useAreas } from '../../registry/useLists';
import { RowActions } from './RowActions';
import { NameDialog } from './NameDialog';

const AREA_READS = ['areas.list', 'buildings.list', 'buildings.get', 'buildings.options'] as const;

type Open = { kind: 'add' } | { kind: 'rename'; id: number } | null;

/** The areas (quartieri): add, rename, deactivate, reactivate. */
export function AreasPanel() {
  const areas = useAreas();
  const [open, setOpen] = useState<Open>(null);
  const create = useApiMutation('areas.create', AREA_READS);
  const update = useApiMutation('areas.update', AREA_READS);
  const notify = useNotify();
  // The area as last read: after a conflict the list reloads and the next save uses the new version.
  const renaming = open?.kind === 'rename' ? areas.all.find((area) => area.id === open.id) : undefined;

  const setActive = async (area: Area, active: boolean) => {
    const result = await update.run({
      id: area.id,
      expectedUpdatedAt: area.updatedAt,
      name: area.name,
      active,
    });
    if (result.ok) notify(active ? `Area “${area.name}” riattivata` : `Area “${area.name}” disattivata`);
    else notify(result.error.message, 'error');
  };

  return (
    <>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography color="text.secondary" sx={{ maxWidth: 720 }}>
          Le aree (quartieri) raggruppano i caseggiati. Un’area disattivata non si può più scegliere per un
          nuovo caseggiato; i caseggiati che ne fanno parte restano.
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setOpen({ kind: 'add' })}
          sx={{ flexShrink: 0 }}
        >
          Aggiungi area
        </Button>
      </Stack>
      {areas.error && <ErrorNotice error={areas.error} onRetry={areas.refetch} />}
      {areas.isPending && !areas.error && <Loading label="Caricamento delle aree" />}
      {!areas.isPending && !areas.error && areas.all.length === 0 && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography sx={{ mb: 2 }}>
            Nessuna area. Aggiungere le aree (ad esempio “San Bernardo – Borgo Loreto”, “Zona Centro”): ogni
            caseggiato ne ha una.
          </Typography>
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'add' })}>
            Aggiungi area
          </Button>
        </Paper>
      )}
      {areas.all.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Aree">
            <TableHead>
              <TableRow>
                <TableCell>Area</TableCell>
                <TableCell align="right">Caseggiati</TableCell>
                <TableCell>Stato</TableCell>
                <TableCell align="right">
                  <Box component="span" sx={visuallyHidden}>
                    Azioni
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {areas.all.map((area) => (
                <TableRow key={area.id}>
                  <TableCell
                    component="th"
                    scope="row"
                    sx={{ color: area.active ? undefined : 'text.secondary' }}
                  >
                    {area.name}
                  </TableCell>
                  <TableCell align="right">{area.buildingCount}</TableCell>
                  <TableCell>
                    {area.active ? (
                      <Chip size="small" variant="outlined" color="success" label="Attiva" />
                    ) : (
                      <Chip size="small" variant="outlined" label="Disattivata" />
                    )}
                  </TableCell>
                  <RowActions
                    name={area.name}
                    active={area.active}
                    pending={update.isPending}
                    onRename={() => setOpen({ kind: 'rename', id: area.id })}
                    onSetActive={(active) => void setActive(area, active)}
                  />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open?.kind === 'add' && (
        <NameDialog
          title="Aggiungi area"
          label="Nome dell’area"
          submitLabel="Aggiungi"
          initial=""
          schema={areasCreateInput.shape.name}
          serverField="name"
          save={(name) => create.run({ name })}
          pending={create.isPending}
          done="Area aggiunta"
          subject="l’area"
          onClose={() => setOpen(null)}
        />
      )}
      {renaming && (
        <NameDialog
          title={`Rinomina “${renaming.name}”`}
          label="Nome dell’area"
          submitLabel="Salva"
          initial={renaming.name}
          schema={areasCreateInput.shape.name}
          serverField="name"
          save={(name) =>
            update.run({
              id: renaming.id,
              expectedUpdatedAt: renaming.updatedAt,
              name,
              active: renaming.active,
            })
          }
          pending={update.isPending}
          done="Area salvata"
          subject="l’area"
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
