import AddIcon from '@mui/icons-material/Add';
import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { vocabularyCreateInput, type VocabularyItem, type VocabularyKind } from '../../../../shared/contract';
import { useApiMutation } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { visuallyHidden } from '../../components/visuallyHidden';
import { useNotify } from '../../feedback/NotifyContext';
import { VOCABULARY_KIND_LABELS } from '../../registry/labels';
import { useVocabulary } from '../../registry/useLists';
import { RowActions } from './RowActions';
import { NameDialog } from './NameDialog';

type Open = { kind: 'add' } | { kind: 'rename'; id: number } | null;

/** How each list is called in its own sentences. */
const SINGULAR: Record<VocabularyKind, string> = {
  intervention_type: 'tipo di intervento',
  channel: 'canale',
  origin: 'provenienza',
  topic: 'tema',
  fragility: 'fragilità',
  referral_service: 'servizio',
};

/** One editable list: add, rename, reorder, deactivate and reactivate its entries (never delete). */
export function VocabularyPanel({ kind }: { kind: VocabularyKind }) {
  const list = useVocabulary(kind);
  const [open, setOpen] = useState<Open>(null);
  const [moving, setMoving] = useState(false);
  const create = useApiMutation('vocabulary.create', ['vocabulary.list']);
  const update = useApiMutation('vocabulary.update', ['vocabulary.list']);
  // Reordering saves several entries: the list is read again once, at the end.
  const reorder = useApiMutation('vocabulary.update');
  const queryClient = useQueryClient();
  const notify = useNotify();
  const renaming = open?.kind === 'rename' ? list.all.find((item) => item.id === open.id) : undefined;

  const setActive = async (item: VocabularyItem, active: boolean) => {
    const result = await update.run({
      id: item.id,
      expectedUpdatedAt: item.updatedAt,
      label: item.label,
      active,
      position: item.position,
    });
    if (result.ok) notify(active ? `Voce “${item.label}” riattivata` : `Voce “${item.label}” disattivata`);
    else notify(result.error.message, 'error');
  };

  /** Moves an entry one place up or down; positions are renumbered 0, 1, 2… in the new order. */
  const move = async (index: number, step: -1 | 1) => {
    const order = [...list.all];
    const [item] = order.splice(index, 1);
    if (!item) return;
    order.splice(index + step, 0, item);
    setMoving(true);
    let failure: string | null = null;
    for (const [position, entry] of order.entries()) {
      if (entry.position === position) continue;
      const result = await reorder.run({
        id: entry.id,
        expectedUpdatedAt: entry.updatedAt,
        label: entry.label,
        active: entry.active,
        position,
      });
      if (!result.ok) {
        failure = result.error.message;
        break;
      }
    }
    await queryClient.invalidateQueries({ queryKey: ['vocabulary.list'] });
    setMoving(false);
    if (failure) notify(failure, 'error');
  };

  const noun = SINGULAR[kind];
  const title = VOCABULARY_KIND_LABELS[kind];

  return (
    <>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between' }}
      >
        <Typography color="text.secondary" sx={{ maxWidth: 760 }}>
          Le voci compaiono nelle scelte dei moduli in quest’ordine. Le voci non si cancellano: una voce
          disattivata non si può più scegliere, ma resta sui dati già registrati.
        </Typography>
        <Button
          variant="contained"
          startIcon={<AddIcon />}
          onClick={() => setOpen({ kind: 'add' })}
          sx={{ flexShrink: 0 }}
        >
          Aggiungi voce
        </Button>
      </Stack>
      {list.error && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.isPending && !list.error && <Loading label={`Caricamento di ${title.toLowerCase()}`} />}
      {!list.isPending && !list.error && list.all.length === 0 && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography>Nessuna voce. Aggiungere le voci che i moduli offriranno come {noun}.</Typography>
        </Paper>
      )}
      {list.all.length > 0 && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 96 }}>Ordine</TableCell>
                <TableCell>Voce</TableCell>
                <TableCell>Stato</TableCell>
                <TableCell align="right">
                  <Box component="span" sx={visuallyHidden}>
                    Azioni
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.all.map((item, index) => (
                <TableRow key={item.id}>
                  <TableCell sx={{ py: 0, whiteSpace: 'nowrap' }}>
                    <IconButton
                      size="small"
                      aria-label={`Sposta su ${item.label}`}
                      disabled={index === 0 || moving}
                      onClick={() => void move(index, -1)}
                    >
                      <ArrowUpIcon fontSize="small" />
                    </IconButton>
                    <IconButton
                      size="small"
                      aria-label={`Sposta giù ${item.label}`}
                      disabled={index === list.all.length - 1 || moving}
                      onClick={() => void move(index, 1)}
                    >
                      <ArrowDownIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                  <TableCell
                    component="th"
                    scope="row"
                    sx={{ color: item.active ? undefined : 'text.secondary' }}
                  >
                    {item.label}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5}>
                      {item.active ? (
                        <Chip size="small" variant="outlined" color="success" label="Attiva" />
                      ) : (
                        <Chip size="small" variant="outlined" label="Disattivata" />
                      )}
                      {item.used && (
                        <Tooltip title="Usata in dati già registrati: si può disattivare, non cancellare.">
                          <Chip size="small" variant="outlined" label="In uso" />
                        </Tooltip>
                      )}
                    </Stack>
                  </TableCell>
                  <RowActions
                    name={item.label}
                    active={item.active}
                    pending={update.isPending}
                    onRename={() => setOpen({ kind: 'rename', id: item.id })}
                    onSetActive={(active) => void setActive(item, active)}
                  />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open?.kind === 'add' && (
        <NameDialog
          title={`Aggiungi voce: ${title}`}
          label="Voce"
          submitLabel="Aggiungi"
          initial=""
          schema={vocabularyCreateInput.shape.label}
          serverField="label"
          save={(label) => create.run({ kind, label })}
          pending={create.isPending}
          done="Voce aggiunta"
          subject="la voce"
          onClose={() => setOpen(null)}
        />
      )}
      {renaming && (
        <NameDialog
          title={`Rinomina “${renaming.label}”`}
          label="Voce"
          submitLabel="Salva"
          initial={renaming.label}
          schema={vocabularyCreateInput.shape.label}
          serverField="label"
          save={(label) =>
            update.run({
              id: renaming.id,
              expectedUpdatedAt: renaming.updatedAt,
              label,
              active: renaming.active,
              position: renaming.position,
            })
          }
          pending={update.isPending}
          done="Voce salvata"
          subject="la voce"
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
