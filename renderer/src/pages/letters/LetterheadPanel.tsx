import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { LetterheadView } from '../../../../shared/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { useNotify } from '../../feedback/NotifyContext';
import { PageSection } from '../households/PageSection';

type Fields = Pick<LetterheadView, 'name' | 'address' | 'phone' | 'email' | 'footer' | 'sportelloHours'>;

const LABELS: [keyof Fields, string, string?][] = [
  ['name', 'Nome della cooperativa'],
  ['address', 'Indirizzo'],
  ['phone', 'Telefono'],
  ['email', 'E-mail'],
  ['sportelloHours', 'Orari dello sportello', 'Ad esempio: martedì e giovedì, dalle 9 alle 12.'],
  ['footer', 'Piè di pagina', 'Ad esempio l’informativa sulla privacy, in una riga.'],
];

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** «Carta intestata»: the letterhead printed on every letter (coordinators change it). */
export function LetterheadPanel({ canEdit }: { canEdit: boolean }) {
  const query = useApiQuery('letters.letterhead', {});
  if (!query.value) return null;
  return <LetterheadForm key={query.value.updatedAt ?? 'default'} initial={query.value} canEdit={canEdit} />;
}

function LetterheadForm({ initial, canEdit }: { initial: LetterheadView; canEdit: boolean }) {
  const notify = useNotify();
  const [values, setValues] = useState<Fields>({
    name: initial.name,
    address: initial.address,
    phone: initial.phone,
    email: initial.email,
    footer: initial.footer,
    sportelloHours: initial.sportelloHours,
  });
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const update = useApiMutation('letters.updateLetterhead', ['letters.letterhead']);
  const shownLogo =
    logo === undefined
      ? initial.logo
        ? `data:${initial.logo.mime};base64,${initial.logo.base64}`
        : null
      : logo && `data:image/*;base64,${logo}`;

  const save = async () => {
    setMessage(null);
    setFields({});
    const result = await update.run({ ...values, ...(logo === undefined ? {} : { logo }) });
    if (!result.ok) {
      setMessage(result.error.message);
      setFields(result.error.fields ?? {});
      return;
    }
    setLogo(undefined);
    notify('Carta intestata salvata');
  };

  return (
    <PageSection title="Carta intestata" subtitle="in cima e in fondo a ogni lettera">
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        {initial.updatedAt === null && (
          <Alert severity="info">
            Non ancora salvata: sono mostrati i dati della cooperativa inseriti alla configurazione.
          </Alert>
        )}
        {message && <Alert severity="error">{message}</Alert>}
        {LABELS.map(([key, label, help]) => (
          <TextField
            key={key}
            label={label}
            value={values[key]}
            disabled={!canEdit}
            onChange={(e) => setValues({ ...values, [key]: e.target.value })}
            error={Boolean(fields[key])}
            helperText={fields[key] ?? help}
            size="small"
          />
        ))}
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Box
            sx={{
              width: 160,
              height: 64,
              border: 1,
              borderColor: 'divider',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
            }}
          >
            {shownLogo ? (
              <img src={shownLogo} alt="Logo della cooperativa" style={{ maxWidth: 150, maxHeight: 56 }} />
            ) : (
              <Typography variant="body2" color="text.secondary">
                Nessun logo
              </Typography>
            )}
          </Box>
          {canEdit && (
            <>
              <Button component="label" variant="outlined" size="small">
                Scegli logo (PNG o JPEG, fino a 512 KB)
                <input
                  hidden
                  type="file"
                  accept="image/png,image/jpeg"
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) void toBase64(file).then(setLogo);
                  }}
                />
              </Button>
              {shownLogo && (
                <Button size="small" onClick={() => setLogo(null)}>
                  Togli logo
                </Button>
              )}
            </>
          )}
        </Stack>
        {fields.logo && (
          <Typography color="error" variant="body2">
            {fields.logo}
          </Typography>
        )}
        {canEdit && (
          <Box>
            <Button variant="contained" onClick={() => void save()} disabled={update.isPending}>
              Salva carta intestata
            </Button>
          </Box>
        )}
      </Stack>
    </PageSection>
  );
}
