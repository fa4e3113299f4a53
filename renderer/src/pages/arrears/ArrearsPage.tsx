import TuneIcon from '@mui/icons-material/TuneOutlined';
import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ImportsList } from './import/ImportsList';
import { ProfilesSection } from './import/ProfilesSection';

function SectionTitle({ id, children }: { id: string; children: string }) {
  return (
    <Typography variant="h2" id={id} sx={{ fontSize: '1.15rem', mt: 4, mb: 1.5 }}>
      {children}
    </Typography>
  );
}

/** Rent arrears: the imports of the housing office's statements, and the senders' column profiles. */
export function ArrearsPage() {
  return (
    <>
      <PageHeader
        title="Morosità"
        action={
          <Stack direction="row" spacing={1.5}>
            <Button startIcon={<TuneIcon />} component={RouterLink} to="/morosita/punteggio">
              Punteggio di rischio
            </Button>
            <Button
              variant="contained"
              startIcon={<UploadIcon />}
              component={RouterLink}
              to="/morosita/importa"
            >
              Importa estratto
            </Button>
          </Stack>
        }
      />
      <Typography color="text.secondary" sx={{ maxWidth: 860, mt: -1 }}>
        Gli estratti della morosità inviati dall’ente gestore (CSV o Excel) si importano da «Importa
        estratto»: prima di scrivere viene mostrata un’anteprima. Un’importazione si può annullare per intero
        finché un’importazione successiva non aggiorna gli stessi mesi degli stessi alloggi.
      </Typography>
      <section aria-labelledby="arrears-imports">
        <SectionTitle id="arrears-imports">Importazioni</SectionTitle>
        <ImportsList />
      </section>
      <section aria-labelledby="arrears-profiles">
        <SectionTitle id="arrears-profiles">Profili dei mittenti</SectionTitle>
        <ProfilesSection />
      </section>
    </>
  );
}
