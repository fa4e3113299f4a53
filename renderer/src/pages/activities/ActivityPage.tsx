import EditIcon from '@mui/icons-material/EditOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { PROMOTER_LABELS, type CallOutput } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { ActivityDialog } from './ActivityDialog';
import { AttendanceSheet } from './AttendanceSheet';

/** One activity: what, when, where, and its attendance sheet. */
export function ActivityPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <Typography sx={{ py: 4 }}>Attività non trovata.</Typography>;
  return <ActivityView key={id} id={id} />;
}

function ActivityView({ id }: { id: number }) {
  const query = useApiQuery('activities.get', { id });
  if (query.error) {
    return (
      <Box sx={{ py: 3 }}>
        <ErrorNotice error={query.error} onRetry={query.refetch} />
      </Box>
    );
  }
  if (!query.value) return <Loading label="Caricamento dell’attività" />;
  return <ActivityDetail detail={query.value} />;
}

function ActivityDetail({ detail }: { detail: CallOutput<'activities.get'> }) {
  const { activity, occurrences } = detail;
  const [editing, setEditing] = useState(false);
  const where =
    activity.areaName !== null
      ? `Area ${activity.areaName}`
      : activity.buildings.map((b) => b.address).join(', ');
  return (
    <>
      <PageBreadcrumbs crumbs={[{ label: 'Attività', to: '/attivita' }, { label: activity.title }]} />
      <PageHeader
        title={activity.title}
        action={
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            Modifica
          </Button>
        }
      />
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ mt: -1.5, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}
      >
        <Chip size="small" label={activity.typeLabel} />
        <Chip
          size="small"
          variant="outlined"
          label={`${formatDate(activity.heldOn)}, ${activity.startsAt}–${activity.endsAt}`}
        />
        <Chip size="small" variant="outlined" label={`Promossa da: ${PROMOTER_LABELS[activity.promoter]}`} />
        {activity.groupId !== null && (
          <Chip
            size="small"
            variant="outlined"
            component={RouterLink}
            to={`/gruppi/${activity.groupId}`}
            clickable
            label={`Gruppo: ${activity.groupName ?? ''}`}
          />
        )}
        <Typography variant="body2" color="text.secondary">
          {[where, activity.place].filter(Boolean).join(' · ')}
        </Typography>
      </Stack>
      {occurrences.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
            Date della serie ({occurrences.length}):
          </Typography>
          <Stack
            direction="row"
            spacing={0.5}
            useFlexGap
            sx={{ flexWrap: 'wrap' }}
            component="nav"
            aria-label="Date della serie"
          >
            {occurrences.map((o) => (
              <Chip
                key={o.id}
                size="small"
                component={RouterLink}
                to={`/attivita/${o.id}`}
                clickable
                color={o.id === activity.id ? 'primary' : 'default'}
                variant={o.id === activity.id ? 'filled' : 'outlined'}
                aria-current={o.id === activity.id ? 'page' : undefined}
                label={`${formatDate(o.heldOn)} · ${o.present} presenti`}
              />
            ))}
          </Stack>
        </Box>
      )}
      {activity.description && (
        <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1, maxWidth: 900 }}>{activity.description}</Typography>
      )}
      {activity.outcome && (
        <Typography sx={{ whiteSpace: 'pre-wrap', mb: 2, maxWidth: 900 }}>
          <Typography component="span" color="text.secondary">
            Esito:{' '}
          </Typography>
          {activity.outcome}
        </Typography>
      )}
      <AttendanceSheet key={activity.updatedAt} detail={detail} />
      {editing && <ActivityDialog activity={activity} onClose={() => setEditing(false)} />}
    </>
  );
}
