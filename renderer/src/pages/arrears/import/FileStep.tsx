import UploadIcon from '@mui/icons-material/UploadFileOutlined';
import DescriptionIcon from '@mui/icons-material/DescriptionOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState, type DragEvent } from 'react';
import { MAX_STATEMENT_BYTES } from '../../../../../shared/arrears/statement';
import { useApiQuery } from '../../../api';
import { visuallyHidden } from '../../../components/visuallyHidden';
import { formatBytes } from './format';
import { StepActions } from './StepActions';
import type { ImportWizard } from './useImportWizard';

const NO_PROFILE = '';

/** Step 1: the file (picked or dropped), the sender's profile, and the sheet of a workbook with several. */
export function FileStep({ wizard, onCancel }: { wizard: ImportWizard; onCancel: () => void }) {
  const profiles = useApiQuery('arrears.profiles', {});
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const { file, preview, sheet } = wizard;
  const sheets = preview && preview.sheetNames.length > 1 && sheet !== null ? preview.sheetNames : null;
  const busy = wizard.reading || wizard.previewing;

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !busy) void wizard.chooseFile(dropped);
  };

  const profileList = profiles.value?.profiles ?? [];
  const chosenProfile = profileList.find((entry) => entry.id === wizard.profileId);

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Typography color="text.secondary">
        Scegliere il file dell’estratto della morosità inviato dall’ente gestore: un CSV (con le colonne
        separate da punto e virgola, virgola o tabulazione) oppure un file Excel .xlsx, al massimo{' '}
        {formatBytes(MAX_STATEMENT_BYTES)}. Prima di scrivere qualsiasi dato viene mostrata un’anteprima.
      </Typography>

      <Paper
        variant="outlined"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        sx={{
          p: 3,
          borderStyle: 'dashed',
          borderWidth: 2,
          borderColor: dragging ? 'primary.main' : 'divider',
          bgcolor: dragging ? 'action.hover' : 'background.paper',
        }}
      >
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx"
          aria-label="File dell’estratto"
          aria-describedby={hintId}
          style={visuallyHiddenStyle}
          tabIndex={-1}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            // Cleared, so that choosing the same file again is noticed.
            event.target.value = '';
            if (chosen) void wizard.chooseFile(chosen);
          }}
        />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          {file ? (
            <DescriptionIcon color="primary" fontSize="large" />
          ) : (
            <UploadIcon color="action" fontSize="large" />
          )}
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            {file ? (
              <>
                <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>{file.name}</Typography>
                <Typography variant="body2" color="text.secondary" id={hintId}>
                  {formatBytes(file.size)}
                </Typography>
              </>
            ) : (
              <>
                <Typography sx={{ fontWeight: 600 }}>
                  {wizard.reading ? 'Lettura del file…' : 'Trascinare qui il file dell’estratto'}
                </Typography>
                <Typography variant="body2" color="text.secondary" id={hintId}>
                  oppure sceglierlo dal computer: .csv o .xlsx, al massimo {formatBytes(MAX_STATEMENT_BYTES)}
                </Typography>
              </>
            )}
          </Box>
          <Button
            variant={file ? 'text' : 'outlined'}
            onClick={() => input.current?.click()}
            disabled={busy}
            autoFocus={!file}
          >
            {file ? 'Cambia file' : 'Scegli il file…'}
          </Button>
        </Stack>
      </Paper>

      <TextField
        select
        label="Profilo del mittente"
        value={wizard.profileId === null ? NO_PROFILE : String(wizard.profileId)}
        onChange={(event) => {
          const id = Number(event.target.value);
          wizard.setProfileId(event.target.value === NO_PROFILE || !Number.isInteger(id) ? null : id);
        }}
        disabled={busy}
        helperText={
          profiles.error
            ? profiles.error.message
            : profileList.length === 0
              ? 'Nessun profilo salvato: le colonne vengono riconosciute dai nomi delle intestazioni. Al passo successivo si possono salvare come profilo del mittente.'
              : 'Il profilo ricorda le colonne dei file di un mittente. Per un mittente nuovo lasciare «Nessun profilo».'
        }
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      >
        <MenuItem value={NO_PROFILE}>Nessun profilo: riconoscere le colonne dai nomi</MenuItem>
        {profileList.map((entry) => (
          <MenuItem key={entry.id} value={String(entry.id)}>
            {entry.name}
          </MenuItem>
        ))}
      </TextField>

      {sheets && (
        <Stack spacing={1}>
          <Alert severity="info">
            {`Il file Excel ha ${sheets.length} fogli: scegliere quello con l’estratto e proseguire.`}
          </Alert>
          <TextField
            select
            label="Foglio"
            value={sheet ?? ''}
            onChange={(event) => wizard.setSheet(event.target.value)}
            disabled={busy}
          >
            {sheets.map((name) => (
              <MenuItem key={name} value={name}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      )}

      {wizard.message && (
        <Alert severity="error" role="alert">
          {wizard.message}
        </Alert>
      )}

      <StepActions
        back={{ label: 'Annulla', onClick: onCancel }}
        next={{
          label: wizard.previewing ? 'Lettura del file…' : 'Avanti',
          onClick: () => void wizard.readChosenFile(),
          disabled: !file || busy,
          pending: wizard.previewing,
        }}
        note={
          chosenProfile
            ? `Le colonne verranno prese dal profilo «${chosenProfile.name}».`
            : file
              ? undefined
              : 'Scegliere il file per proseguire.'
        }
      />
      <Box sx={visuallyHidden} aria-live="polite">
        {file ? `File scelto: ${file.name}` : ''}
      </Box>
    </Stack>
  );
}

/** The native file input is clicked through the button; it stays out of sight and of the tab order. */
const visuallyHiddenStyle = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
