import AlarmIcon from '@mui/icons-material/AlarmAddOutlined';
import EditIcon from '@mui/icons-material/EditOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import AddIcon from '@mui/icons-material/PostAddOutlined';
import SendIcon from '@mui/icons-material/SendOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { CallOutput, Followup, Intervention, Referral } from '../../../../shared/contract';
import { useApiQuery } from '../../api';
import { EditInterventionDialog } from '../../casework/EditInterventionDialog';
import { FollowupDialog } from '../../casework/FollowupDialog';
import { todayLocal } from '../../casework/formSchemas';
import { InterventionDialog } from '../../casework/InterventionDialog';
import { ReferralDialog } from '../../casework/ReferralDialog';
import { useFollowupDone } from '../../casework/useFollowupDone';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { IssueLettersDialog } from '../letters/IssueLettersDialog';
import { ArrearsSection } from './arrears/ArrearsSection';
import { EditHouseholdDialog } from './EditHouseholdDialog';
import { StatusChip, TeamChip } from './HouseholdChips';
import { HousingSection } from './HousingSection';
import { MembersSection } from './MembersSection';
import { PageSection } from './PageSection';
import { HouseholdPrivacySection } from '../privacy/HouseholdPrivacySection';
import { Timeline } from './Timeline';
import { buildTimeline } from './timeline';

type Open =
  | { kind: 'intervention' }
  | { kind: 'editIntervention'; intervention: Intervention }
  | { kind: 'referral'; referral?: Referral }
  | { kind: 'followup'; followup?: Followup }
  | { kind: 'household' }
  | { kind: 'letter' }
  | null;

/** The household page: who, where, and everything done with them. */
export function HouseholdPage() {
  const { id } = useParams();
  const householdId = Number(id);
  if (!Number.isInteger(householdId) || householdId <= 0) {
    return <Typography sx={{ py: 4 }}>Nucleo non trovato.</Typography>;
  }
  return <HouseholdView key={householdId} householdId={householdId} />;
}

function HouseholdView({ householdId }: { householdId: number }) {
  const query = useApiQuery('households.get', { id: householdId });
  if (query.error) {
    return (
      <Box sx={{ py: 3 }}>
        <ErrorNotice error={query.error} onRetry={query.refetch} />
      </Box>
    );
  }
  if (!query.value) return <Loading label="Caricamento del nucleo" />;
  return <HouseholdDetail data={query.value} />;
}

function HouseholdDetail({ data }: { data: CallOutput<'households.get'> }) {
  const { household, members, moves, interventions, interventionTotal, referrals, followups } = data;
  const community = useApiQuery('activities.household', { householdId: household.id }).value;
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const done = useFollowupDone();
  const today = todayLocal();
  const letters = useApiQuery('letters.register', {
    householdId: household.id,
    page: 0,
    pageSize: 100,
  }).value;
  const entries = useMemo(
    () => buildTimeline(interventions, referrals, followups, community?.activities, letters?.rows),
    [interventions, referrals, followups, community, letters],
  );
  const title = household.referenceName ?? `Nucleo ${household.code}`;

  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: household.building.areaName, to: '/caseggiati' },
          { label: household.building.address, to: `/caseggiati/${household.building.id}` },
          { label: `Nucleo ${household.code}` },
        ]}
      />
      <PageHeader
        title={title}
        windowTitle={`Nucleo ${household.code}`}
        action={
          <Stack direction="row" spacing={1}>
            <Button startIcon={<EditIcon />} onClick={() => setOpen({ kind: 'household' })}>
              Modifica nucleo
            </Button>
            <Button
              variant="outlined"
              startIcon={<AlarmIcon />}
              onClick={() => setOpen({ kind: 'followup' })}
            >
              Promemoria
            </Button>
            <Button variant="outlined" startIcon={<MailIcon />} onClick={() => setOpen({ kind: 'letter' })}>
              Lettera
            </Button>
            <Button variant="outlined" startIcon={<SendIcon />} onClick={() => setOpen({ kind: 'referral' })}>
              Invio ai servizi
            </Button>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setOpen({ kind: 'intervention' })}
            >
              Registra intervento
            </Button>
          </Stack>
        }
      />
      <Stack direction="row" spacing={1} sx={{ mt: -1.5, mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          label={household.code}
          sx={{ fontFamily: 'monospace' }}
          aria-label={`Codice ${household.code}`}
        />
        <StatusChip status={household.status} />
        {household.toTeam && <TeamChip />}
        {community && (
          <Chip
            size="small"
            variant="outlined"
            label={`Attività comunitarie: ${community.count} ${community.count === 1 ? 'partecipazione' : 'partecipazioni'}`}
          />
        )}
        <Typography variant="body2" color="text.secondary">
          {[
            household.phone && `Tel. ${household.phone}`,
            household.language && `Lingua: ${household.language}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography>
      </Stack>
      {household.notes.trim() !== '' && (
        <Typography sx={{ whiteSpace: 'pre-wrap', mb: 2, maxWidth: 900 }}>{household.notes}</Typography>
      )}
      <MembersSection household={household} members={members} />
      <HouseholdPrivacySection householdId={household.id} />
      <ArrearsSection householdId={household.id} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' },
          gap: 2,
          alignItems: 'start',
        }}
      >
        <PageSection title="Storia" subtitle="dal più recente">
          {entries.length === 0 ? (
            <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
              <Typography color="text.secondary">
                Ancora niente. Qui compariranno gli interventi, gli invii ai servizi e i promemoria del
                nucleo.
              </Typography>
              <Button
                variant="outlined"
                startIcon={<AddIcon />}
                onClick={() => setOpen({ kind: 'intervention' })}
              >
                Registra il primo intervento
              </Button>
            </Stack>
          ) : (
            <>
              {interventionTotal > interventions.length && (
                <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                  Sono mostrati gli ultimi {interventions.length} interventi su {interventionTotal}.{' '}
                  <Link component={RouterLink} to={`/interventi?nucleo=${household.id}`}>
                    Vedere tutti gli interventi del nucleo
                  </Link>
                </Typography>
              )}
              <Timeline
                entries={entries}
                today={today}
                done={done}
                onEditIntervention={(intervention) => setOpen({ kind: 'editIntervention', intervention })}
                onEditReferral={(referral) => setOpen({ kind: 'referral', referral })}
                onEditFollowup={(followup) => setOpen({ kind: 'followup', followup })}
              />
            </>
          )}
        </PageSection>
        <HousingSection household={household} moves={moves} />
      </Box>
      <InterventionDialog
        open={open?.kind === 'intervention'}
        onClose={close}
        target={{ kind: 'households', householdIds: [household.id] }}
      />
      {open?.kind === 'editIntervention' && (
        <EditInterventionDialog intervention={open.intervention} onClose={close} />
      )}
      <ReferralDialog
        open={open?.kind === 'referral'}
        onClose={close}
        householdId={household.id}
        referral={open?.kind === 'referral' ? open.referral : undefined}
      />
      <FollowupDialog
        open={open?.kind === 'followup'}
        onClose={close}
        target={{ householdId: household.id }}
        followup={open?.kind === 'followup' ? open.followup : undefined}
      />
      {open?.kind === 'household' && (
        <EditHouseholdDialog household={household} members={members} onClose={close} />
      )}
      <IssueLettersDialog
        open={open?.kind === 'letter'}
        onClose={close}
        target={{ kind: 'households', householdIds: [household.id] }}
        description={`${title} (nucleo ${household.code})`}
      />
      {done.snackbar}
    </>
  );
}
