import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { BuildingsSection } from './BuildingsSection';
import { DashboardFilters } from './DashboardFilters';
import { periodLabel, queryOf, useDashboardFilters } from './filters';
import { OverviewSection } from './OverviewSection';

/**
 * The dashboard (cruscotto) shown on the start page: filters in the address, the overview's
 * figures and charts, then the buildings table. An operatore gets the same, on their buildings.
 */
export function Dashboard() {
  const [filters, update] = useDashboardFilters();
  const [params] = useSearchParams();
  const query = queryOf(filters);
  const overview = useApiQuery('dashboard.overview', query);
  const buildings = useApiQuery('dashboard.buildings', query);
  const view = params.get('vista') === 'attenzione' ? 'attenzione' : 'tutti';

  return (
    <Box component="section" aria-labelledby="dashboard-title" sx={{ mb: 4 }}>
      <Typography variant="h2" id="dashboard-title" sx={{ mb: 1 }}>
        Cruscotto, {periodLabel(filters.from, filters.to)}
      </Typography>
      <DashboardFilters filters={filters} update={update} />
      {overview.error ? (
        <ErrorNotice error={overview.error} onRetry={overview.refetch} />
      ) : overview.value ? (
        <OverviewSection data={overview.value} query={query} />
      ) : (
        <Loading label="Calcolo del cruscotto" />
      )}
      <Box sx={{ mt: 4 }}>
        {buildings.error ? (
          <ErrorNotice error={buildings.error} onRetry={buildings.refetch} />
        ) : buildings.value ? (
          <BuildingsSection
            data={buildings.value}
            view={view}
            setView={(next) => update({ vista: next === 'tutti' ? null : next })}
          />
        ) : (
          <Loading label="Calcolo dei caseggiati" />
        )}
      </Box>
    </Box>
  );
}
