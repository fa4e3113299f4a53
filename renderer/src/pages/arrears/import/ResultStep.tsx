import CheckIcon from '@mui/icons-material/CheckCircleOutline';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { Link as RouterLink } from 'react-router';
import { formatCount } from './format';
import type { ImportWizard } from './useImportWizard';

/** Step 4: what was written. */
export function ResultStep({ wizard }: { wizard: ImportWizard }) {
  const { result, preview } = wizard;
  if (!result) return null;
  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Alert severity="success" icon={<CheckIcon />}>
        <AlertTitle>Importazione completata</AlertTitle>
        {`File «${preview?.fileName ?? ''}»: ${formatCount(result.written)} ${result.written === 1 ? 'riga scritta' : 'righe scritte'}, ${formatCount(result.unchanged)} già ${result.unchanged === 1 ? 'presente e uguale' : 'presenti e uguali'} (non cambiate), ${formatCount(result.skipped)} ${result.skipped === 1 ? 'saltata' : 'saltate'}.`}
        {wizard.profile.save && ` Profilo «${wizard.profile.name.trim()}» salvato.`}
      </Alert>
      <Stack direction="row" spacing={2}>
        <Button variant="contained" component={RouterLink} to="/morosita" autoFocus>
          Vai all’elenco delle importazioni
        </Button>
        <Button onClick={wizard.restart}>Importa un altro file</Button>
      </Stack>
    </Stack>
  );
}
