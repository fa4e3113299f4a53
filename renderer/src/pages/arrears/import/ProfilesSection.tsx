import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import DialogContentText from '@mui/material/DialogContentText';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { STATEMENT_FIELDS } from '../../../../../shared/arrears/statement';
import { formatDate } from '../../../../../shared/format';
import { saveProfileInput, type ArrearsProfile } from '../../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../../api';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { useNotify } from '../../../feedback/NotifyContext';
import { NameDialog } from '../../lists/NameDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { plural } from './format';

type Open = { kind: 'rename'; id: number } | { kind: 'delete'; id: number } | null;

/** The file's columns a profile knows, field by field: «Codice alloggio: «Cod. UI»». */
function mappingSummary(profile: ArrearsProfile): { count: number; text: string } {
  const parts = STATEMENT_FIELDS.flatMap((info) => {
    const header = profile.mapping[info.field];
    if (header === undefined) return [];
    // Where the file uses the field's own name, the name says it all.
    return [header.toLowerCase() === info.label.toLowerCase() ? header : `${info.label}: «${header}»`];
  });
  return { count: parts.length, text: parts.join(', ') };
}

function DeleteProfileDialog({ profile, onClose }: { profile: ArrearsProfile; onClose: () => void }) {
  const remove = useApiMutation('arrears.deleteProfile', ['arrears.profiles', 'arrears.imports']);
  const notify = useNotify();
  const [message, setMessage] = useState<string | null>(null);
  const confirm = async () => {
    setMessage(null);
    const result = await remove.run({ id: profile.id });
    if (!result.ok) {
      if (result.error.kind !== 'locked') setMessage(result.error.message);
      return;
    }
    notify(`Profilo «${profile.name}» eliminato`);
    onClose();
  };
  return (
    <ConfirmDialog
      title={`Eliminare il profilo «${profile.name}»?`}
      confirmLabel="Elimina profilo"
      cancelLabel="Non eliminare"
      pending={remove.isPending}
      message={message}
      onConfirm={() => void confirm()}
      onClose={onClose}
    >
      <DialogContentText>
        Il profilo non si potrà recuperare. Le importazioni già fatte restano come sono; per i prossimi file
        di questo mittente le colonne andranno controllate a mano (e si potrà salvare un nuovo profilo).
      </DialogContentText>
    </ConfirmDialog>
  );
}

/** The senders' column profiles: rename, delete. They are made while importing. */
export function ProfilesSection() {
  const profiles = useApiQuery('arrears.profiles', {});
  const save = useApiMutation('arrears.saveProfile', ['arrears.profiles', 'arrears.imports']);
  const [open, setOpen] = useState<Open>(null);
  const list = profiles.value?.profiles ?? [];
  const chosen = list.find((profile) => profile.id === open?.id);

  if (profiles.error) return <ErrorNotice error={profiles.error} onRetry={profiles.refetch} />;
  if (profiles.isPending) return <Loading label="Caricamento dei profili" />;

  return (
    <>
      {list.length === 0 ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography color="text.secondary">
            Nessun profilo. Un profilo ricorda in quali colonne un mittente (ad esempio «ALER Cremona») mette
            codice alloggio, periodo, versato e saldo: si salva durante l’importazione, al passo «Colonne»,
            con «Salva come profilo del mittente».
          </Typography>
        </Paper>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Profili dei mittenti">
            <TableHead>
              <TableRow>
                <TableCell sx={{ width: 200 }}>Mittente</TableCell>
                <TableCell>Colonne</TableCell>
                <TableCell sx={{ width: 120 }}>Modificato il</TableCell>
                <TableCell align="right" sx={{ width: 190 }}>
                  <Box component="span" sx={visuallyHidden}>
                    Azioni
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((profile) => {
                const summary = mappingSummary(profile);
                return (
                  <TableRow key={profile.id}>
                    <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                      {profile.name}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 0 }}>
                      <Typography variant="body2" noWrap title={summary.text}>
                        {`${plural(summary.count, 'dato', 'dati')} su ${STATEMENT_FIELDS.length}`}
                        <Typography component="span" variant="body2" color="text.secondary">
                          {` · ${summary.text}`}
                        </Typography>
                      </Typography>
                    </TableCell>
                    <TableCell>{formatDate(profile.updatedAt)}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      <Button
                        size="small"
                        onClick={() => setOpen({ kind: 'rename', id: profile.id })}
                        aria-label={`Rinomina ${profile.name}`}
                      >
                        Rinomina
                      </Button>
                      <Button
                        size="small"
                        color="error"
                        onClick={() => setOpen({ kind: 'delete', id: profile.id })}
                        aria-label={`Elimina ${profile.name}`}
                      >
                        Elimina
                      </Button>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {open?.kind === 'rename' && chosen && (
        <NameDialog
          title={`Rinomina «${chosen.name}»`}
          label="Nome del profilo (mittente)"
          submitLabel="Salva"
          initial={chosen.name}
          schema={saveProfileInput.shape.name}
          serverField="name"
          save={(name) =>
            save.run({ id: chosen.id, expectedUpdatedAt: chosen.updatedAt, name, mapping: chosen.mapping })
          }
          pending={save.isPending}
          done="Profilo salvato"
          subject="il profilo"
          onClose={() => setOpen(null)}
        />
      )}
      {open?.kind === 'delete' && chosen && (
        <DeleteProfileDialog profile={chosen} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
