import AddIcon from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageSection } from '../households/PageSection';
import { GroupDialog } from '../groups/GroupDialog';
import { GroupsTable } from '../groups/GroupsTable';
import { ActivitiesTable } from './ActivitiesTable';
import { ActivityDialog } from './ActivityDialog';

/** On the building page: its resident groups and its latest activities. */
export function CommunitySection({ buildingId }: { buildingId: number }) {
  const groups = useApiQuery('groups.list', { buildingId });
  const activities = useApiQuery('activities.list', { buildingId, pageSize: 10 });
  const [open, setOpen] = useState<'group' | 'activity' | null>(null);
  const error = groups.error ?? activities.error;
  const retry = () => {
    groups.refetch();
    activities.refetch();
  };
  if (error) return <ErrorNotice error={error} onRetry={retry} />;
  if (!groups.value || !activities.value) return <Loading label="Caricamento di gruppi e attività" />;
  return (
    <>
      <PageSection
        title="Gruppi di residenti"
        action={
          <Button startIcon={<AddIcon />} onClick={() => setOpen('group')}>
            Nuovo gruppo
          </Button>
        }
      >
        {groups.value.groups.length === 0 ? (
          <Typography color="text.secondary">Nessun gruppo di residenti in questo caseggiato.</Typography>
        ) : (
          <GroupsTable groups={groups.value.groups} label="Gruppi del caseggiato" />
        )}
      </PageSection>
      <PageSection
        title="Ultime attività"
        subtitle={`${activities.value.total} in tutto`}
        action={
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen('activity')}>
              Nuova attività
            </Button>
          </Stack>
        }
      >
        {activities.value.rows.length === 0 ? (
          <Typography color="text.secondary">
            Nessuna attività comunitaria. Registrare gli incontri di caseggiato, i laboratori e le feste con
            «Nuova attività».
          </Typography>
        ) : (
          <ActivitiesTable rows={activities.value.rows} label="Ultime attività del caseggiato" />
        )}
      </PageSection>
      {open === 'group' && <GroupDialog buildingId={buildingId} onClose={() => setOpen(null)} />}
      {open === 'activity' && (
        <ActivityDialog preset={{ buildingIds: [buildingId] }} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
