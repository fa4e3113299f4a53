import EventAvailableIcon from '@mui/icons-material/EventAvailableOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { roleAtLeast, type Agenda, type Followup } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useApiQuery } from '../../api';
import { useSession } from '../../app/SessionContext';
import { useFollowupDone, type FollowupDone } from '../../casework/useFollowupDone';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useDirectory } from '../../registry/useLists';
import { PageSection } from '../households/PageSection';
import { AgendaItem } from './AgendaItem';

type SectionKey = 'overdue' | 'dueToday' | 'nextDays';

const SECTIONS: { key: SectionKey; title: string; empty: string }[] = [
  { key: 'overdue', title: 'Scaduti', empty: 'Nessun promemoria scaduto: tutto in regola.' },
  { key: 'dueToday', title: 'Oggi', empty: 'Niente in scadenza oggi.' },
  { key: 'nextDays', title: 'Prossimi 7 giorni', empty: 'Niente in scadenza nei prossimi 7 giorni.' },
];

function sectionOf(followup: Followup, today: string): SectionKey {
  if (followup.dueOn < today) return 'overdue';
  return followup.dueOn === today ? 'dueToday' : 'nextDays';
}

/**
 * The agenda's lists, plus the follow-ups ticked done on this page (the server
 * no longer sends them): they stay, struck through, so they can be unticked.
 */
function withTicked(agenda: Agenda, ticked: ReadonlyMap<number, Followup>): Record<SectionKey, Followup[]> {
  const lists: Record<SectionKey, Followup[]> = {
    overdue: [...agenda.overdue],
    dueToday: [...agenda.dueToday],
    nextDays: [...agenda.nextDays],
  };
  const sent = new Set([...agenda.overdue, ...agenda.dueToday, ...agenda.nextDays].map((item) => item.id));
  for (const followup of ticked.values()) {
    if (!sent.has(followup.id)) lists[sectionOf(followup, agenda.today)].push(followup);
  }
  for (const list of Object.values(lists)) {
    list.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id);
  }
  return lists;
}

/** How many are still to do in a section ("2 da fare"). */
function OpenCount({
  followups,
  done,
  overdue,
}: {
  followups: Followup[];
  done: FollowupDone;
  overdue: boolean;
}) {
  const open = followups.filter((followup) => !(done.pending.get(followup.id) ?? followup.done)).length;
  if (open === 0) return null;
  return (
    <Chip size="small" color={overdue ? 'error' : 'default'} variant="outlined" label={`${open} da fare`} />
  );
}

/** Overdue, today's and the next 7 days' follow-ups of an operator (a coordinator can pick anyone). */
export function AgendaPage() {
  const { operator } = useSession();
  const coordinator = roleAtLeast(operator.role, 'coordinatore');
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('operatore'));
  const operatorId = coordinator && Number.isInteger(chosen) && chosen > 0 ? chosen : null;
  const agenda = useApiQuery('agenda.get', { operatorId });
  const directory = useDirectory();
  const [ticked, setTicked] = useState<ReadonlyMap<number, Followup>>(new Map());
  // Everything ticked here stays listed (with its current state) until the page is left.
  const done = useFollowupDone((followup) =>
    setTicked((current) => new Map(current).set(followup.id, followup)),
  );

  const own = operatorId === null || operatorId === operator.id;
  const title = own || !agenda.value ? 'Agenda' : `Agenda di ${agenda.value.operatorName}`;

  return (
    <>
      <PageHeader
        title={title}
        action={
          coordinator && (
            <TextField
              select
              label="Agenda di"
              value={String(operatorId ?? operator.id)}
              onChange={(event) => {
                const id = Number(event.target.value);
                setTicked(new Map());
                setParams(id === operator.id ? {} : { operatore: String(id) }, { replace: true });
              }}
              sx={{ width: 280 }}
            >
              {directory.operators.map((entry) => (
                <MenuItem key={entry.id} value={String(entry.id)}>
                  {entry.id === operator.id ? `${entry.fullName} (la mia)` : entry.fullName}
                </MenuItem>
              ))}
            </TextField>
          )
        }
      />
      {agenda.error && <ErrorNotice error={agenda.error} onRetry={agenda.refetch} />}
      {agenda.isPending && !agenda.error && <Loading label="Caricamento dell’agenda" />}
      {agenda.value && (
        <AgendaLists agenda={agenda.value} lists={withTicked(agenda.value, ticked)} done={done} own={own} />
      )}
      {done.snackbar}
    </>
  );
}

function AgendaLists({
  agenda,
  lists,
  done,
  own,
}: {
  agenda: Agenda;
  lists: Record<SectionKey, Followup[]>;
  done: FollowupDone;
  own: boolean;
}) {
  const nothing = SECTIONS.every(({ key }) => lists[key].length === 0);
  return (
    <>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {`Oggi è il ${formatDate(agenda.today)}. Spuntare un promemoria quando è fatto: si può annullare subito dopo.`}
      </Typography>
      {nothing ? (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <EventAvailableIcon color="action" sx={{ fontSize: 40 }} />
          <Typography sx={{ mt: 1, fontWeight: 600 }}>
            {own
              ? 'Nessun promemoria da qui a 7 giorni.'
              : `Nessun promemoria per ${agenda.operatorName} da qui a 7 giorni.`}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 1, mb: 2, maxWidth: 560, mx: 'auto' }}>
            I promemoria si aggiungono dalla pagina di un nucleo («Promemoria»), registrando un intervento
            («Aggiungi un promemoria») o con un invio ai servizi da verificare entro una data.
          </Typography>
          <Button component={RouterLink} to="/nuclei" variant="outlined">
            Vai ai nuclei
          </Button>
        </Paper>
      ) : (
        SECTIONS.map(({ key, title, empty }) => (
          <PageSection
            key={key}
            title={title}
            action={<OpenCount followups={lists[key]} done={done} overdue={key === 'overdue'} />}
          >
            {lists[key].length === 0 ? (
              <Typography color="text.secondary">{empty}</Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, p: 0 }}>
                {lists[key].map((followup) => (
                  <AgendaItem key={followup.id} followup={followup} done={done} />
                ))}
              </Box>
            )}
          </PageSection>
        ))
      )}
    </>
  );
}
