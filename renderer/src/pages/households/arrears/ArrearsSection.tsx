import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState, type ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { roleAtLeast, type ArrearsHousehold } from '../../../../../shared/contract';
import { useApiQuery } from '../../../api';
import { useSession } from '../../../app/SessionContext';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Loading } from '../../../components/Loading';
import { PageSection } from '../PageSection';
import { CauseDialog } from './CauseDialog';
import { ClosePlanDialog } from './ClosePlanDialog';
import { monthName } from './format';
import { IncolpevoleCard } from './IncolpevoleCard';
import { IseeDialog } from './IseeDialog';
import { KeyFigures } from './KeyFigures';
import { LegalStageDialog } from './LegalStageDialog';
import { MonthsTable } from './MonthsTable';
import { PaymentDialog } from './PaymentDialog';
import { PlanCard } from './PlanCard';
import { PlanDialog } from './PlanDialog';
import { RiskSummary } from './RiskSummary';
import { CHART_MONTHS, SeriesChart } from './SeriesChart';
import { TrendChart } from './TrendChart';
import { useUndo } from './useUndo';

type Open =
  | { kind: 'stage' }
  | { kind: 'plan' }
  | { kind: 'payment'; planId: number }
  | { kind: 'close'; planId: number }
  | { kind: 'cause' }
  | { kind: 'isee' }
  | null;

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="h3" variant="h3" sx={{ fontSize: '1rem', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function twoColumns(left: string, right: string) {
  return {
    display: 'grid',
    gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: `minmax(0, ${left}) minmax(0, ${right})` },
    gap: 3,
  } as const;
}

/** Nothing known about the household's arrears yet: where the data comes from. */
function EmptyArrears({ coordinator, onNewPlan }: { coordinator: boolean; onNewPlan: () => void }) {
  return (
    <Stack spacing={1.5} sx={{ alignItems: 'flex-start' }}>
      <Typography color="text.secondary" sx={{ maxWidth: 760 }}>
        Nessun dato sulla morosità. Gli importi dovuti e versati mese per mese arrivano dall’importazione
        degli estratti dell’ente gestore
        {coordinator ? '.' : ', che fa il coordinatore da «Morosità».'} Un piano di rientro concordato si può
        registrare anche prima.
      </Typography>
      <Stack direction="row" spacing={1}>
        {coordinator && (
          <Button component={RouterLink} to="/morosita/importa" variant="outlined" startIcon={<UploadIcon />}>
            Importa estratto
          </Button>
        )}
        <Button onClick={onNewPlan}>Nuovo piano di rientro</Button>
      </Stack>
    </Stack>
  );
}

function isEmpty(data: ArrearsHousehold): boolean {
  return (
    data.series.length === 0 &&
    data.plans.length === 0 &&
    data.incolpevole.causes.length === 0 &&
    data.incolpevole.isee === null &&
    data.legalStage === null
  );
}

/** "Morosità" on the household page: risk and why, figures, months, repayment plan, incolpevole. */
export function ArrearsSection({ householdId }: { householdId: number }) {
  const query = useApiQuery('arrears.household', { householdId });
  const { operator } = useSession();
  const coordinator = roleAtLeast(operator.role, 'coordinatore');
  const [open, setOpen] = useState<Open>(null);
  const undo = useUndo();
  const close = () => setOpen(null);
  const data = query.value;

  let body: ReactNode;
  if (query.error) body = <ErrorNotice error={query.error} onRetry={query.refetch} />;
  else if (!data) body = <Loading label="Caricamento della morosità" />;
  else if (isEmpty(data))
    body = <EmptyArrears coordinator={coordinator} onNewPlan={() => setOpen({ kind: 'plan' })} />;
  else {
    body = (
      <Stack spacing={2.5} divider={<Divider flexItem />}>
        <Box sx={twoColumns('2fr', '3fr')}>
          <Part title="Rischio">
            <RiskSummary risk={data.risk} coordinator={coordinator} />
          </Part>
          <Part title="Situazione">
            <KeyFigures data={data} onChangeStage={() => setOpen({ kind: 'stage' })} />
          </Part>
        </Box>
        <Box sx={twoColumns('3fr', '2fr')}>
          <Part title={data.series.length > CHART_MONTHS ? `Ultimi ${CHART_MONTHS} mesi` : 'Mese per mese'}>
            {data.series.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                Nessun estratto importato per questo nucleo.
              </Typography>
            ) : (
              <>
                <SeriesChart series={data.series} />
                <MonthsTable series={data.series} />
              </>
            )}
          </Part>
          <Part title="Andamento del punteggio">
            <TrendChart trend={data.trend} />
          </Part>
        </Box>
        <Box sx={twoColumns('1fr', '1fr')}>
          <PlanCard
            plans={data.plans}
            undo={undo}
            onNew={() => setOpen({ kind: 'plan' })}
            onPayment={(plan) => setOpen({ kind: 'payment', planId: plan.id })}
            onClose={(plan) => setOpen({ kind: 'close', planId: plan.id })}
          />
          <IncolpevoleCard
            householdId={householdId}
            incolpevole={data.incolpevole}
            undo={undo}
            onAddCause={() => setOpen({ kind: 'cause' })}
            onIsee={() => setOpen({ kind: 'isee' })}
          />
        </Box>
      </Stack>
    );
  }

  const openPlan = data?.plans.find((plan) => plan.closedOn === null) ?? null;
  const dialogPlan =
    (open?.kind === 'payment' || open?.kind === 'close') && openPlan?.id === open.planId ? openPlan : null;

  return (
    <PageSection
      title="Morosità"
      subtitle={data?.latestPeriod ? `ultimo estratto: ${monthName(data.latestPeriod)}` : undefined}
    >
      {body}
      {data && open?.kind === 'stage' && (
        <LegalStageDialog householdId={householdId} current={data.legalStage} onClose={close} />
      )}
      {data && open?.kind === 'plan' && (
        <PlanDialog
          householdId={householdId}
          balanceCents={data.balanceCents}
          active={openPlan}
          onClose={close}
        />
      )}
      {dialogPlan && open?.kind === 'payment' && <PaymentDialog plan={dialogPlan} onClose={close} />}
      {dialogPlan && open?.kind === 'close' && <ClosePlanDialog plan={dialogPlan} onClose={close} />}
      {data && open?.kind === 'cause' && (
        <CauseDialog householdId={householdId} arrearsStartDate={data.arrearsStartDate} onClose={close} />
      )}
      {data && open?.kind === 'isee' && (
        <IseeDialog
          householdId={householdId}
          current={data.incolpevole.isee}
          thresholdCents={data.incolpevole.thresholdCents}
          onClose={close}
        />
      )}
      {undo.snackbar}
    </PageSection>
  );
}
