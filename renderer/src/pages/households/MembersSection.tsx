import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Household, Member } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { visuallyHidden } from '../../components/visuallyHidden';
import { RELATIONSHIP_LABELS, SEX_LABELS } from '../../registry/labels';
import { useVocabulary } from '../../registry/useLists';
import { MemberDialog } from './MemberDialog';
import { personLabel } from './memberForm';
import { PageSection } from './PageSection';

type Open = { member?: Member } | null;

/** "Componenti": who lives in the household, and who has left it. */
export function MembersSection({ household, members }: { household: Household; members: Member[] }) {
  const [open, setOpen] = useState<Open>(null);
  const fragilities = useVocabulary('fragility');
  const present = members.filter((member) => member.leftOn === null).length;

  return (
    <PageSection
      title="Componenti"
      subtitle={present === 1 ? '1 componente' : `${present} componenti`}
      action={
        <Button startIcon={<AddIcon />} onClick={() => setOpen({})}>
          Aggiungi componente
        </Button>
      }
    >
      {members.length === 0 ? (
        <Typography color="text.secondary">
          Nessun componente registrato. Aggiungere l’intestatario e le persone che vivono nel nucleo.
        </Typography>
      ) : (
        <Table size="small" aria-label="Componenti">
          <TableHead>
            <TableRow>
              <TableCell>Cognome e nome</TableCell>
              <TableCell>Relazione</TableCell>
              <TableCell>Nascita</TableCell>
              <TableCell>Codice fiscale</TableCell>
              <TableCell>Telefono</TableCell>
              <TableCell>Fragilità</TableCell>
              <TableCell align="right">
                <Box component="span" sx={visuallyHidden}>
                  Azioni
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {members.map((member) => {
              const name = personLabel(member, 'Componente');
              const left = member.leftOn !== null;
              return (
                <TableRow
                  key={member.id}
                  sx={left ? { '& td, & th': { color: 'text.secondary' } } : undefined}
                >
                  <TableCell component="th" scope="row">
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <Typography component="span" sx={{ fontWeight: left ? 400 : 600 }}>
                        {name}
                      </Typography>
                      {member.id === household.referenceMemberId &&
                        member.relationship !== 'intestatario' && (
                          <Chip size="small" label="Intestatario" color="primary" variant="outlined" />
                        )}
                      {left && (
                        <Chip
                          size="small"
                          variant="outlined"
                          label={`Uscito/a il ${formatDate(member.leftOn)}`}
                        />
                      )}
                    </Stack>
                  </TableCell>
                  <TableCell>{RELATIONSHIP_LABELS[member.relationship]}</TableCell>
                  <TableCell>
                    {member.birthDate ? formatDate(member.birthDate) : '—'}
                    <Typography component="span" variant="body2" color="text.secondary">
                      {` · ${SEX_LABELS[member.sex]}`}
                    </Typography>
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{member.taxCode ?? '—'}</TableCell>
                  <TableCell>{member.phone || '—'}</TableCell>
                  <TableCell>
                    {member.fragilityIds.length === 0 ? (
                      '—'
                    ) : (
                      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                        {member.fragilityIds.map((id) => (
                          <Chip key={id} size="small" label={fragilities.labelOf(id)} />
                        ))}
                      </Stack>
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ py: 0 }}>
                    <IconButton
                      aria-label={`Modifica ${name}`}
                      onClick={() => setOpen({ member })}
                      size="small"
                    >
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {open && (
        <MemberDialog
          householdId={household.id}
          member={open.member}
          reference={open.member !== undefined && open.member.id === household.referenceMemberId}
          onClose={() => setOpen(null)}
        />
      )}
    </PageSection>
  );
}
