import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router';
import { VOCABULARY_KINDS, type VocabularyKind } from '../../../../shared/contract';
import { PageHeader } from '../../components/PageHeader';
import { VOCABULARY_KIND_LABELS } from '../../registry/labels';
import { ActivityTypesPanel } from '../activities/ActivityTypesPanel';
import { AreasPanel } from './AreasPanel';
import { VocabularyPanel } from './VocabularyPanel';

/** The lists in the order the page shows them (the labels object's key order). */
const KINDS = Object.keys(VOCABULARY_KIND_LABELS) as VocabularyKind[];

type TabName = 'aree' | 'tipi_attivita' | VocabularyKind;

const isKind = (value: string | null): value is VocabularyKind =>
  VOCABULARY_KINDS.some((kind) => kind === value);

/** Areas and the editable lists (tipi di intervento, canali, temi…): for coordinators. */
export function ListsPage() {
  const [params, setParams] = useSearchParams();
  const param = params.get('elenco');
  const tab: TabName = isKind(param) ? param : param === 'tipi_attivita' ? 'tipi_attivita' : 'aree';

  return (
    <>
      <PageHeader title="Elenchi e aree" />
      <Tabs
        value={tab}
        onChange={(_event, value: TabName) =>
          setParams(value === 'aree' ? {} : { elenco: value }, { replace: true })
        }
        aria-label="Elenchi"
        variant="scrollable"
        scrollButtons="auto"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        <Tab value="aree" label="Aree" id="tab-aree" aria-controls="panel-elenco" />
        {KINDS.map((kind) => (
          <Tab
            key={kind}
            value={kind}
            label={VOCABULARY_KIND_LABELS[kind]}
            id={`tab-${kind}`}
            aria-controls="panel-elenco"
          />
        ))}
        <Tab
          value="tipi_attivita"
          label="Tipi di attività"
          id="tab-tipi_attivita"
          aria-controls="panel-elenco"
        />
      </Tabs>
      <Box role="tabpanel" id="panel-elenco" aria-labelledby={`tab-${tab}`}>
        {tab === 'aree' ? (
          <AreasPanel />
        ) : tab === 'tipi_attivita' ? (
          <ActivityTypesPanel />
        ) : (
          <VocabularyPanel key={tab} kind={tab} />
        )}
      </Box>
    </>
  );
}
