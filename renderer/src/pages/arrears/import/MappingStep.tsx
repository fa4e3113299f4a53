import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import {
  STATEMENT_FIELDS,
  STATEMENT_FIELD_LABELS,
  type StatementField,
  type StatementFieldInfo,
} from '../../../../../shared/arrears/statement';
import type { HeaderMapping, ImportPreview } from '../../../../../shared/contract';
import { useApiQuery } from '../../../api';
import { formatCount, plural } from './format';
import { StepActions } from './StepActions';
import type { ImportWizard } from './useImportWizard';

/** The select's value for a field without a column. */
const ABSENT = '';

/** Required fields carry a mark (explained above the table); conditional ones say when. */
function requirementText(info: StatementFieldInfo): string | null {
  return info.requirement === 'conditional' ? info.note : null;
}

function sourceText(preview: ImportPreview, profileName: string | undefined): string {
  switch (preview.mappingSource) {
    case 'profile':
      return `Colonne prese dal profilo «${profileName ?? 'del mittente'}»: controllarle prima di proseguire.`;
    case 'guess':
      return 'Colonne riconosciute dai nomi delle intestazioni del file: controllarle e correggere quelle sbagliate.';
    case 'input':
      return 'Colonne come indicate qui sotto.';
  }
}

/** What a field lacks for the mapping to be usable (Italian), if anything. */
function missingText(mapping: HeaderMapping, field: StatementField): string | null {
  const has = (key: StatementField) => mapping[key] !== undefined;
  switch (field) {
    case 'unitCode':
      return has('unitCode') || has('taxCode')
        ? null
        : 'Indicare la colonna (o almeno quella del codice fiscale).';
    case 'period':
    case 'paid':
    case 'balance':
      return has(field) ? null : 'Indicare la colonna: è obbligatoria.';
    case 'due':
      return has('due') || (has('rent') && has('charges'))
        ? null
        : 'Indicare la colonna, oppure quelle di canone e spese.';
    default:
      return null;
  }
}

/** The other field already using this column, if any. */
function sharedWith(mapping: HeaderMapping, field: StatementField): StatementField | undefined {
  const header = mapping[field];
  if (header === undefined) return undefined;
  return STATEMENT_FIELDS.find((info) => info.field !== field && mapping[info.field] === header)?.field;
}

/** Step 2: which column of the file holds each field; saving it as the sender's profile. */
export function MappingStep({ wizard }: { wizard: ImportWizard }) {
  const { preview, mapping, profile } = wizard;
  const profiles = useApiQuery('arrears.profiles', {});
  const [nameTouched, setNameTouched] = useState(false);
  if (!preview) return null;
  const usedProfile = profiles.value?.profiles.find((entry) => entry.id === preview.profileId);
  const nameProblem = nameTouched ? wizard.profileNameProblem() : null;
  const problems = preview.mappingProblems;
  const { counts } = preview;

  const next = async () => {
    setNameTouched(true);
    await wizard.toPreview();
  };

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 860 }}>
      <Typography color="text.secondary">
        {sourceText(preview, usedProfile?.name)}
        {preview.sheet !== null && ` Foglio: «${preview.sheet}».`} I dati segnati con{' '}
        <Typography component="span" color="error">
          *
        </Typography>{' '}
        sono obbligatori.
      </Typography>

      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Colonne del file">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: '45%' }}>Dato</TableCell>
              <TableCell>Colonna del file</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {STATEMENT_FIELDS.map((info) => {
              const value = mapping[info.field];
              const missing = value !== undefined && !preview.headers.includes(value);
              const other = sharedWith(mapping, info.field);
              const lacking = missingText(mapping, info.field);
              const requirement = requirementText(info);
              return (
                <TableRow key={info.field}>
                  <TableCell component="th" scope="row">
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {info.label}
                      {info.requirement === 'required' && (
                        <Typography component="span" color="error" aria-hidden sx={{ ml: 0.5 }}>
                          *
                        </Typography>
                      )}
                    </Typography>
                    {requirement && (
                      <Typography variant="caption" color="text.secondary">
                        {requirement}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ py: 0.5 }}>
                    <TextField
                      select
                      fullWidth
                      value={value ?? ABSENT}
                      onChange={(event) =>
                        wizard.setField(info.field, event.target.value === ABSENT ? null : event.target.value)
                      }
                      disabled={wizard.previewing}
                      error={missing || other !== undefined || lacking !== null}
                      helperText={
                        missing
                          ? 'Questa colonna non c’è nel file: sceglierne un’altra.'
                          : other !== undefined
                            ? `Colonna già scelta per «${STATEMENT_FIELD_LABELS[other]}».`
                            : (lacking ?? undefined)
                      }
                      slotProps={{
                        select: { displayEmpty: true },
                        htmlInput: {
                          'aria-label': `${info.label}${info.requirement === 'required' ? ' (obbligatorio)' : ''}`,
                        },
                      }}
                    >
                      <MenuItem value={ABSENT}>
                        <em>— non presente —</em>
                      </MenuItem>
                      {missing && (
                        <MenuItem value={value} disabled>
                          {`${value} (non c’è nel file)`}
                        </MenuItem>
                      )}
                      {preview.headers.map((header) => (
                        <MenuItem key={header} value={header}>
                          {header}
                        </MenuItem>
                      ))}
                    </TextField>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>

      {problems.length > 0 && (
        <Alert severity="warning" role="alert">
          <Typography sx={{ fontWeight: 600, mb: 0.5 }}>
            {wizard.mappingChanged
              ? 'All’ultima lettura le colonne andavano sistemate:'
              : 'Le colonne vanno sistemate:'}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </Box>
        </Alert>
      )}

      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {wizard.mappingChanged
          ? 'Colonne cambiate: «Aggiorna anteprima» mostra come vengono lette le righe con le nuove colonne.'
          : preview.previewId !== null
            ? `Con queste colonne: ${plural(counts.read, 'riga letta', 'righe lette')}, ${formatCount(counts.matched)} abbinate a un alloggio, ${formatCount(counts.unmatched)} non abbinate, ${formatCount(counts.errors)} con errori.`
            : 'Finché le colonne non sono sistemate, le righe non possono essere lette.'}
      </Typography>

      <Paper variant="outlined" sx={{ p: 2 }}>
        <FormControlLabel
          control={
            <Checkbox
              checked={profile.save}
              onChange={(event) => {
                const save = event.target.checked;
                wizard.setProfile({
                  save,
                  // Saving again under the profile's own name updates it.
                  name: save && profile.name === '' ? (usedProfile?.name ?? '') : profile.name,
                });
              }}
            />
          }
          label="Salva come profilo del mittente"
        />
        <Typography variant="body2" color="text.secondary" sx={{ ml: 4, mb: profile.save ? 1.5 : 0 }}>
          Al prossimo file dello stesso mittente basterà scegliere il profilo. Il profilo viene salvato
          insieme all’importazione; con il nome di un profilo esistente, questo viene aggiornato.
        </Typography>
        {profile.save && (
          <TextField
            label="Nome del profilo (mittente)"
            placeholder="Ad esempio: ALER Cremona"
            value={profile.name}
            onChange={(event) => wizard.setProfile({ save: true, name: event.target.value })}
            onBlur={() => setNameTouched(true)}
            error={nameProblem !== null}
            helperText={nameProblem ?? undefined}
            autoComplete="off"
            autoFocus
            sx={{ ml: 4, width: 'calc(100% - 32px)', maxWidth: 480 }}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
        )}
      </Paper>

      {wizard.message && (
        <Alert severity="error" role="alert">
          {wizard.message}
        </Alert>
      )}

      <StepActions
        back={{ label: 'Indietro', onClick: () => wizard.goTo(0), disabled: wizard.previewing }}
        extra={{
          label: 'Aggiorna anteprima',
          onClick: () => void wizard.refreshPreview(),
          disabled: wizard.previewing || (!wizard.mappingChanged && preview.mappingProblems.length === 0),
        }}
        next={{
          label: wizard.previewing ? 'Lettura delle righe…' : 'Avanti',
          onClick: () => void next(),
          disabled: wizard.previewing,
          pending: wizard.previewing,
        }}
      />
    </Stack>
  );
}
