import EditIcon from '@mui/icons-material/EditOutlined';
import AddCommentIcon from '@mui/icons-material/AddCommentOutlined';
import MailIcon from '@mui/icons-material/MailOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { InterventionDialog, type InterventionTarget } from '../../casework/InterventionDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { OWNER_LABELS } from '../../registry/labels';
import { CommunitySection } from '../activities/CommunitySection';
import { BuildingDashboard } from '../dashboard/BuildingDashboard';
import { IssueLettersDialog } from '../letters/IssueLettersDialog';
import { BuildingDialog } from './BuildingDialog';
import { HouseholdsSection } from './HouseholdsSection';
import { InterventionsSection } from './InterventionsSection';
import { InterventionTargetDialog } from './InterventionTargetDialog';
import { PageBreadcrumbs } from './PageBreadcrumbs';
import { UnitsSection } from './UnitsSection';

const TABS = ['alloggi', 'nuclei', 'interventi', 'comunita', 'cruscotto'] as const;
type TabName = (typeof TABS)[number];

const isTab = (value: string | null): value is TabName => TABS.some((tab) => tab === value);

/** A building: its units and who lives there, its households, its latest interventions. */
export function BuildingPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const page = useApiQuery('buildings.get', { id: valid ? id : 0 });
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('scheda');
  const tab: TabName = isTab(tabParam) ? tabParam : 'alloggi';
  const [editing, setEditing] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [writing, setWriting] = useState(false);
  const [target, setTarget] = useState<InterventionTarget | null>(null);

  const data = page.value;
  const title = data?.building.address ?? 'Caseggiato';
  useEffect(() => {
    document.title = `${title} · Cortile`;
  }, [title]);

  if (page.error) {
    return (
      <Box sx={{ pt: 3 }}>
        <ErrorNotice error={page.error} onRetry={page.refetch} />
      </Box>
    );
  }
  if (!data) return <Loading label="Caricamento del caseggiato" />;

  const { building, units, households, interventions } = data;
  const activeHouseholds = households.filter((household) => household.status === 'attivo');

  const startIntervention = () => {
    if (activeHouseholds.length === 0) setTarget({ kind: 'building', buildingId: building.id });
    else setChoosing(true);
  };

  return (
    <>
      <PageBreadcrumbs
        crumbs={[
          { label: 'Caseggiati', to: '/caseggiati' },
          { label: building.areaName, to: `/caseggiati?area=${building.areaId}` },
          { label: building.address },
        ]}
      />
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'flex-start', justifyContent: 'space-between', pt: 1, pb: 2 }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h1">{building.address}</Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {building.city} · {building.areaName}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
            <Chip size="small" variant="outlined" label={`Proprietà: ${OWNER_LABELS[building.owner]}`} />
            {building.agencyCode && (
              <Chip size="small" variant="outlined" label={`Codice ente: ${building.agencyCode}`} />
            )}
            {!building.active && <Chip size="small" color="warning" variant="outlined" label="Non attivo" />}
            <Chip
              size="small"
              variant="outlined"
              color={building.operators.length === 0 ? 'warning' : 'default'}
              label={
                building.operators.length === 0
                  ? 'Nessun tutor assegnato'
                  : `Tutor: ${building.operators.map((operator) => operator.fullName).join(', ')}`
              }
            />
          </Stack>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)}>
            Modifica
          </Button>
          <Button variant="outlined" startIcon={<MailIcon />} onClick={() => setWriting(true)}>
            Lettere
          </Button>
          <Button variant="contained" startIcon={<AddCommentIcon />} onClick={startIntervention}>
            Registra intervento
          </Button>
        </Stack>
      </Stack>
      <IssueLettersDialog
        open={writing}
        onClose={() => setWriting(false)}
        target={{ kind: 'building', buildingId: building.id, staircases: [] }}
        description={`nuclei attivi di ${building.address}`}
        staircases={[...new Set(units.map((unit) => unit.staircase))].sort()}
      />
      {building.notes && (
        <Typography sx={{ mb: 2, maxWidth: 820, whiteSpace: 'pre-line' }} color="text.secondary">
          {building.notes}
        </Typography>
      )}
      <Tabs
        value={tab}
        onChange={(_event, value: TabName) =>
          setParams(value === 'alloggi' ? {} : { scheda: value }, { replace: true })
        }
        aria-label="Sezioni del caseggiato"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <Tab value="alloggi" label={`Alloggi (${units.length})`} id="tab-alloggi" aria-controls="panel" />
        <Tab value="nuclei" label={`Nuclei (${households.length})`} id="tab-nuclei" aria-controls="panel" />
        <Tab value="interventi" label="Interventi" id="tab-interventi" aria-controls="panel" />
        <Tab value="comunita" label="Gruppi e attività" id="tab-comunita" aria-controls="panel" />
        <Tab value="cruscotto" label="Cruscotto" id="tab-cruscotto" aria-controls="panel" />
      </Tabs>
      <Box role="tabpanel" id="panel" aria-labelledby={`tab-${tab}`}>
        {tab === 'alloggi' && <UnitsSection buildingId={building.id} units={units} />}
        {tab === 'nuclei' && <HouseholdsSection buildingId={building.id} households={households} />}
        {tab === 'interventi' && <InterventionsSection interventions={interventions} />}
        {tab === 'comunita' && <CommunitySection buildingId={building.id} />}
        {tab === 'cruscotto' && (
          <BuildingDashboard
            buildingId={building.id}
            months={params.get('mesi') === '12' ? 12 : 24}
            setMonths={(months) =>
              setParams({ scheda: 'cruscotto', mesi: String(months) }, { replace: true })
            }
          />
        )}
      </Box>
      {editing && <BuildingDialog building={building} onClose={() => setEditing(false)} />}
      {choosing && (
        <InterventionTargetDialog
          buildingId={building.id}
          households={activeHouseholds}
          onClose={() => setChoosing(false)}
          onChoose={(chosen) => {
            setChoosing(false);
            setTarget(chosen);
          }}
        />
      )}
      {target && <InterventionDialog open onClose={() => setTarget(null)} target={target} />}
    </>
  );
}
