import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import type { Followup } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import type { FollowupDone } from '../../casework/useFollowupDone';

function Subject({ followup }: { followup: Followup }) {
  if (followup.householdId !== null) {
    const name = followup.householdName ? ` · ${followup.householdName}` : '';
    return (
      <Link component={RouterLink} to={`/nuclei/${followup.householdId}`}>
        {`Nucleo ${followup.householdCode ?? ''}${name}`}
      </Link>
    );
  }
  if (followup.buildingId !== null) {
    return (
      <Link component={RouterLink} to={`/caseggiati/${followup.buildingId}`}>
        {`Caseggiato ${followup.buildingAddress ?? ''}`}
      </Link>
    );
  }
  return null;
}

/** One follow-up in the agenda: tick it done (undo from the snackbar), open what it is about. */
export function AgendaItem({ followup, done }: { followup: Followup; done: FollowupDone }) {
  const checked = done.pending.get(followup.id) ?? followup.done;
  return (
    <Box
      component="li"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr) auto',
        alignItems: 'center',
        columnGap: 1.5,
        py: 0.75,
        listStyle: 'none',
        borderTop: 1,
        borderColor: 'divider',
        '&:first-of-type': { borderTop: 0 },
      }}
    >
      <Checkbox
        checked={checked}
        onChange={(event) => void done.setDone(followup, event.target.checked)}
        slotProps={{ input: { 'aria-label': `Fatto: ${followup.text}` } }}
      />
      <Box sx={{ minWidth: 0 }}>
        <Typography
          sx={checked ? { textDecoration: 'line-through', color: 'text.secondary' } : { fontWeight: 600 }}
        >
          {followup.text}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          <Subject followup={followup} />
          {followup.referralId !== null ? ' · verifica di un invio ai servizi' : ''}
          {followup.meetingHeldOn !== null
            ? ` · azione dell’équipe del ${formatDate(followup.meetingHeldOn)}`
            : ''}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
        {`entro il ${formatDate(followup.dueOn)}`}
      </Typography>
    </Box>
  );
}
