import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useCallback, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { MeetingCase, MeetingView } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { PageBreadcrumbs } from '../buildings/PageBreadcrumbs';
import { LeaveGuard } from '../households/LeaveGuard';
import { PageSection } from '../households/PageSection';
import { ActionDialog } from './ActionDialog';
import { ActionsTable } from './ActionsTable';
import { CaseCard } from './CaseCard';
import { MeetingDialog } from './MeetingDialog';
import { ProposalSection } from './ProposalSection';

/** One team meeting: participants, the agenda from the field, each case, the open actions. */
export function MeetingPage() {
  const id = Number(useParams().id);
  const view = useApiQuery('meetings.get', { id });
  const heldOn = view.value ? formatDate(view.value.meeting.heldOn) : '';
  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: 'Riunioni d’équipe', to: '/equipe' },
          { label: heldOn ? `Riunione del ${heldOn}` : 'Riunione' },
        ]}
      />
      {view.error && <ErrorNotice error={view.error} onRetry={view.refetch} />}
      {view.isPending && !view.error && <Loading label="Caricamento della riunione" />}
      {view.value && <MeetingDetail view={view.value} />}
    </>
  );
}

function MeetingDetail({ view }: { view: MeetingView }) {
  const { meeting } = view;
  const [editing, setEditing] = useState(false);
  const [actionFor, setActionFor] = useState<MeetingCase | null>(null);
  // Forms with unsaved changes (each case, the agenda's choice), asked about before leaving.
  const dirty = useRef(new Set<string>());
  const onDirty = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);
  return (
    <>
      <PageHeader
        title={`Riunione d’équipe del ${formatDate(meeting.heldOn)}`}
        action={
          <Stack direction="row" spacing={1}>
            {meeting.editable && (
              <Button variant="outlined" onClick={() => setEditing(true)}>
                Modifica
              </Button>
            )}
            <Button
              variant="contained"
              startIcon={<DescriptionIcon />}
              component={RouterLink}
              to={`/equipe/${meeting.id}/verbale`}
            >
              Verbale
            </Button>
          </Stack>
        }
      />
      <PageSection title="Partecipanti">
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {meeting.participants.map((p) => (
            <Chip key={p.id} label={p.fullName} />
          ))}
          {meeting.guests.map((g, index) => (
            <Chip key={`g${index}`} variant="outlined" label={g.role ? `${g.name} · ${g.role}` : g.name} />
          ))}
        </Stack>
        {meeting.agenda && (
          <Typography sx={{ mt: 2, whiteSpace: 'pre-wrap' }}>
            <strong>Ordine del giorno:</strong> {meeting.agenda}
          </Typography>
        )}
        {meeting.minutes && (
          <Typography sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
            <strong>Note generali:</strong> {meeting.minutes}
          </Typography>
        )}
      </PageSection>
      {meeting.editable && <ProposalSection view={view} onDirty={onDirty} />}
      <Typography variant="h2" sx={{ fontSize: '1.3rem', my: 2 }}>
        Casi
      </Typography>
      {view.cases.length === 0 && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {meeting.editable
            ? 'Nessun caso in ordine del giorno: sceglierli tra le proposte dal territorio.'
            : 'Nessun caso dei propri caseggiati in questa riunione.'}
        </Typography>
      )}
      {view.cases.map((c, index) => (
        <CaseCard key={c.id} meetingCase={c} index={index} onAddAction={setActionFor} onDirty={onDirty} />
      ))}
      {view.hiddenCases > 0 && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {view.hiddenCases === 1
            ? 'Un altro caso riguarda caseggiati non assegnati al proprio profilo.'
            : `Altri ${view.hiddenCases} casi riguardano caseggiati non assegnati al proprio profilo.`}
        </Typography>
      )}
      <PageSection title="Azioni aperte dalle riunioni precedenti" subtitle={`${view.openEarlier.length}`}>
        {view.openEarlier.length === 0 ? (
          <Typography color="text.secondary">Nessuna azione aperta dalle riunioni precedenti.</Typography>
        ) : (
          <ActionsTable
            actions={view.openEarlier}
            label="Azioni aperte dalle riunioni precedenti"
            withOrigin
          />
        )}
      </PageSection>
      <LeaveGuard
        shouldBlock={() => dirty.current.size > 0}
        message="Note, decisioni o l’ordine del giorno non sono stati salvati: uscendo si perdono."
      />
      <MeetingDialog open={editing} meeting={meeting} onClose={() => setEditing(false)} />
      <ActionDialog meetingCase={actionFor} onClose={() => setActionFor(null)} />
    </>
  );
}
