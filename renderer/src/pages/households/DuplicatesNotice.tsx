import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { Duplicate } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { FoundDuplicate } from './useDuplicateCheck';

interface Props {
  found: FoundDuplicate[];
  pending: boolean;
  onSaveAnyway: () => void;
}

function describe(duplicate: Duplicate): string {
  const why =
    duplicate.matchedBy === 'taxCode' ? 'stesso codice fiscale' : 'stesso cognome e data di nascita';
  if (!duplicate.visible) return `nucleo ${duplicate.householdCode}, di un caseggiato non assegnato (${why})`;
  const born = duplicate.birthDate ? `, nato/a il ${formatDate(duplicate.birthDate)}` : '';
  return `${duplicate.fullName ?? 'persona'}${born}, nucleo ${duplicate.householdCode} · ${duplicate.buildingAddress ?? ''} (${why})`;
}

/** People already registered with the same data: open them, or save anyway. */
export function DuplicatesNotice({ found, pending, onSaveAnyway }: Props) {
  return (
    <Alert severity="warning" role="alert" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <AlertTitle>Possibili doppioni</AlertTitle>
      <Typography variant="body2">
        Queste persone risultano già registrate. Controllare i nuclei indicati: se si tratta di altre persone,
        salvare comunque.
      </Typography>
      <List dense disablePadding sx={{ my: 1 }}>
        {found.flatMap(({ label, duplicates }) =>
          duplicates.map((duplicate) => (
            <ListItem key={`${label}-${duplicate.memberId}`} disableGutters sx={{ gap: 1 }}>
              <Typography variant="body2">
                <strong>{label}</strong>: {describe(duplicate)}
              </Typography>
              {duplicate.visible && (
                <Link component={RouterLink} to={`/nuclei/${duplicate.householdId}`} variant="body2">
                  Apri
                </Link>
              )}
            </ListItem>
          )),
        )}
      </List>
      <Stack direction="row" spacing={1}>
        <Button variant="outlined" color="warning" onClick={onSaveAnyway} disabled={pending}>
          Salva comunque
        </Button>
      </Stack>
    </Alert>
  );
}
