import AddIcon from '@mui/icons-material/Add';
import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { CallOutput } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { PageSection } from '../households/PageSection';
import { ActivitiesTable } from '../activities/ActivitiesTable';
import { ActivityDialog } from '../activities/ActivityDialog';
import { GroupDialog } from './GroupDialog';
import { GROUP_STATUS_LABELS } from './labels';

/** A resident group: its buildings, referents, and the activities linked to it. */
export function GroupPage() {
  const id = Number(useParams().id);
  const query = useApiQuery('groups.get', { id: Number.isInteger(id) && id > 0 ? id : 0 });
  if (query.error) {
    return (
      <Box sx={{ py: 3 }}>
        <ErrorNotice error={query.error} onRetry={query.refetch} />
      </Box>
    );
  }
  if (!query.value) return <Loading label="Caricamento del gruppo" />;
  return <GroupDetail data={query.value} />;
}

function GroupDetail({ data }: { data: CallOutput<'groups.get'> }) {
  const { group, activities } = data;
  const [open, setOpen] = useState<'edit' | 'activity' | null>(null);
  return (
    <>
      <PageBreadcrumbs crumbs={[{ label: 'Gruppi', to: '/gruppi' }, { label: group.name }]} />
      <PageHeader
        title={group.name}
        action={
          <Stack direction="row" spacing={1}>
            <Button startIcon={<EditIcon />} onClick={() => setOpen('edit')}>
              Modifica
            </Button>
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen('activity')}>
              Nuova attività del gruppo
            </Button>
          </Stack>
        }
      />
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ mt: -1.5, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}
      >
        <Chip size="small" variant="outlined" label={GROUP_STATUS_LABELS[group.status]} />
        <Chip size="small" variant="outlined" label={`Dal ${formatDate(group.startedOn)}`} />
        {group.buildings.map((b) => (
          <Chip
            key={b.id}
            size="small"
            component={RouterLink}
            to={`/caseggiati/${b.id}`}
            clickable
            label={b.address}
          />
        ))}
      </Stack>
      {group.purpose && (
        <Typography sx={{ mb: 2, maxWidth: 900, whiteSpace: 'pre-wrap' }}>{group.purpose}</Typography>
      )}
      <PageSection title="Referenti">
        {group.referents.length === 0 ? (
          <Typography color="text.secondary">Nessun referente. Sceglierli con «Modifica».</Typography>
        ) : (
          <Stack component="ul" sx={{ m: 0, pl: 2.5 }}>
            {group.referents.map((r) => (
              <li key={r.memberId}>
                {r.name === null ? (
                  `Nucleo ${r.householdCode}`
                ) : (
                  <Link component={RouterLink} to={`/nuclei/${r.householdId}`}>
                    {r.name}
                  </Link>
                )}
              </li>
            ))}
          </Stack>
        )}
      </PageSection>
      <PageSection title="Incontri e iniziative" subtitle={`${group.activityCount} attività`}>
        {activities.length === 0 ? (
          <Typography color="text.secondary">
            Nessuna attività collegata al gruppo. Registrare i suoi incontri e le sue iniziative con «Nuova
            attività del gruppo».
          </Typography>
        ) : (
          <ActivitiesTable rows={activities} label="Attività del gruppo" />
        )}
      </PageSection>
      {open === 'edit' && <GroupDialog group={group} onClose={() => setOpen(null)} />}
      {open === 'activity' && (
        <ActivityDialog
          preset={{
            promoter: 'gruppo',
            groupId: group.id,
            typeId: null,
            buildingIds: group.buildings.map((b) => b.id),
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
